"""A page never counts rows it cannot show: rows a lagging replica lacks come from the primary,
and a page missing rows anyway is not kept in the page cache.

The "replica" here is a second connection to the test database held in a REPEATABLE READ
transaction opened before the writes: it sees the database as it was, as a lagging replica does.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connections

from config import db_routers
from statements.ingest import ingest_source
from statements.models import Statement
from statements.search.index import engine
from statements.search.index.query import SearchSpec
from tests.seed import SEED_OVERRIDES, seed_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def ingest() -> None:
    ingest_source(source=seed_bytes(), source_name="seed.txt", overrides=SEED_OVERRIDES, via="t")


@pytest.fixture
def lagging_replica(settings):
    """A replica alias frozen at the database's state of now, routed to as in production."""
    frozen = {**connections.settings["default"]}
    connections.settings["replica"] = frozen
    settings.DATABASES = {**settings.DATABASES, "replica": frozen}
    settings.DATABASE_ROUTERS = ["config.db_routers.PrimaryReplicaRouter"]
    replica = connections["replica"]
    with replica.wrap_database_errors:
        replica.connect()  # directly: the test case forbids aliases it was not told about
    replica.connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
    replica.connection.execute("SELECT count(*) FROM statements_statement")  # the snapshot
    yield replica
    replica.connection.execute("ROLLBACK")
    replica.close()
    del connections.settings["replica"]
    del connections["replica"]


def page_keys() -> int:
    return sum(":page:" in key for key in caches["pages"]._cache)


def test_rows_the_replica_lacks_are_read_from_the_primary(live_index, lagging_replica, client):
    ingest()
    assert not Statement.objects.using("replica").exists()  # the replica is behind
    newest = Statement.objects.using("default").order_by("-date", "-pk").first()
    db_routers._pinned.set(False)  # a new request of a reader, not the writer's
    assert Statement.objects.all().db == "replica"
    page = client.get("/statements/")
    assert page.status_code == 200
    assert newest.get_absolute_url().encode() in page.content


def test_a_page_missing_rows_is_not_cached(live_index, settings, client):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    ingest()
    assert engine.all_ids(SearchSpec())  # indexed
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False  # the deletion below is not applied
    gone = Statement.objects.full().order_by("-date", "-pk").first()
    gone.delete()
    assert client.get("/statements/").status_code == 200
    assert page_keys() == 0  # rendered while the index was ahead of the rows: not kept
    assert client.get("/speakers/").status_code == 200
    assert page_keys() == 1  # a page with every row is kept as before
