"""The primary/replica router keeps reads that must see fresh writes on the primary."""

from __future__ import annotations

import contextvars

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from config import db_routers
from config.db_routers import PinPrimaryMiddleware, PrimaryReplicaRouter
from statements.models import Statement

router = PrimaryReplicaRouter()


@pytest.fixture
def replica(monkeypatch):
    """Pretend DATABASE_REPLICA_URL configured a replica alias."""
    monkeypatch.setattr(db_routers, "has_replica", lambda: True)


def fresh(func, *args):
    """Run in a context of its own, as each request is."""
    return contextvars.copy_context().run(func, *args)


def test_without_a_replica_everything_reads_the_primary():
    assert fresh(router.db_for_read, Statement) == "default"


@pytest.mark.usefixtures("replica")
def test_reads_go_to_the_replica_until_a_write():
    def scenario():
        before = router.db_for_read(Statement)
        router.db_for_write(Statement)
        return before, router.db_for_read(Statement)

    assert fresh(scenario) == ("replica", "default")


@pytest.mark.django_db
@pytest.mark.usefixtures("replica")
def test_reads_inside_a_transaction_stay_on_the_primary():
    def scenario():
        with transaction.atomic():
            return router.db_for_read(Statement)

    assert fresh(scenario) == "default"


@pytest.mark.usefixtures("replica")
@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/statements/", "replica"),
        ("post", "/statements/", "default"),
        ("get", "/admin/meetings/", "default"),
    ],
)
def test_middleware_pins_writes_and_the_admin(method, path, expected):
    seen = []
    middleware = PinPrimaryMiddleware(
        lambda request: seen.append(router.db_for_read(Statement)) or HttpResponse()
    )
    fresh(middleware, getattr(RequestFactory(), method)(path))
    assert seen == [expected]
