"""Reads to a read replica, writes to the primary (active when DATABASE_REPLICA_URL is set).

Replicas lag the primary by a little, so reads stay on the primary whenever they must see the
latest writes:

- inside a transaction on the primary (ingestion plans, locks and writes in one transaction);
- for the rest of a request that wrote, and for every request that is not a plain GET or HEAD,
  or that goes to the admin (``PinPrimaryMiddleware``; staff expect to see what they just saved);
- everywhere, when no replica is configured (the router then changes nothing).

Migrations run on the primary only; the replica is a physical copy of it.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
ADMIN_PREFIX = "/admin/"
_pinned: ContextVar[bool] = ContextVar("db_pinned_to_primary", default=False)


def pin_to_primary() -> None:
    """Send this request's (or task's) remaining reads to the primary."""
    _pinned.set(True)


def has_replica() -> bool:
    return REPLICA in settings.DATABASES


class PrimaryReplicaRouter:
    """Route reads to the replica unless they must see the primary's latest state."""

    def db_for_read(self, model, **hints) -> str:
        if not has_replica() or _pinned.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints) -> str:
        pin_to_primary()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # both aliases hold the same data

    def allow_migrate(self, db: str, app_label: str, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS


class PinPrimaryMiddleware:
    """Start each request unpinned; pin it for writes by method and for the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _pinned.set(
            request.method not in ("GET", "HEAD") or request.path.startswith(ADMIN_PREFIX)
        )
        try:
            return self.get_response(request)
        finally:
            _pinned.reset(token)
