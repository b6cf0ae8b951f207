"""How far behind this machine's index is, who holds it back, and whether it may take traffic.

- `lag()`: the committed outbox entries this machine's index has not applied (read from the
  live generation's state.json, so it is true even when run_indexer is dead) and the age of the
  oldest.
- `horizon()`: the oldest transaction still open on the PostgreSQL cluster (any database), which
  holds the indexer's position back (see indexer.py).
- `readiness()`: what /readyz answers: the database (and the read replica, if any), the index
  (opened and searched, not behind the pruned outbox), and, where run_indexer is the writer, its
  heartbeat and the lag. Everything about the outbox is read on the primary.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import tantivy
from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

from statements.search.index import consumers, store
from statements.search.index.consumers import PRIMARY, node, record_status
from statements.search.index.guard import engine_errors
from statements.search.models import IndexerStatus, OutboxEntry

HORIZON_REPORTED_SECONDS = 10  # an open transaction younger than this is ordinary work

__all__ = ["Horizon", "Lag", "horizon", "lag", "node", "readiness", "record_status"]


@dataclass(frozen=True)
class Lag:
    pending: int
    seconds: float


def position() -> int:
    """The live generation's outbox position (0: no index, or none recorded)."""
    generation = store.current_generation()
    return (store.read_state(generation) if generation else {}).get("xid", 0)


def lag() -> Lag:
    """Committed entries (on the primary) above the live index's position it has not applied."""
    generation = store.current_generation()
    state = store.read_state(generation) if generation else {}
    position, applied = state.get("xid", 0), list(state.get("applied", ()))
    found = (
        OutboxEntry.objects.using(PRIMARY)
        .extra(where=["xid >= %s::text::xid8"], params=[position])
        .exclude(pk__in=applied)
    )
    oldest = found.order_by("created_at").values_list("created_at", flat=True).first()
    seconds = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return Lag(found.count(), max(0.0, seconds))


@dataclass(frozen=True)
class Horizon:
    pid: int
    database: str | None
    user: str | None
    state: str | None
    seconds: float
    query: str

    def __str__(self) -> str:
        return (
            f"pid {self.pid} ({self.user or '?'}@{self.database or '?'}, {self.state or '?'}) "
            f"open {self.seconds:.0f} s: {self.query}"
        )


def horizon() -> Horizon | None:
    """The oldest transaction holding an xid on the cluster (what holds the position back)."""
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute(
            "SELECT pid, datname, usename, state, "
            "  extract(epoch FROM clock_timestamp() - xact_start)::float8, left(query, 200) "
            "FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() "
            "ORDER BY age(backend_xid) DESC LIMIT 1"
        )
        row = cursor.fetchone()
    if row is None:
        return None
    return Horizon(row[0], row[1], row[2], row[3], row[4] or 0.0, row[5] or "")


def readiness() -> tuple[bool, dict]:
    """Whether this machine should take traffic, and why not."""
    problems: list[str] = []
    details: dict = {"node": node()}
    try:
        with engine_errors():
            index = store.open_index()
            index.searcher().search(tantivy.Query.all_query(), 1, count=True)
    except store.IndexUnavailable as exc:
        problems.append(f"search index: {exc}")
    try:
        current = lag()
        details["lag"] = asdict(current)
        if current.seconds > settings.READY_MAX_INDEX_LAG_SECONDS:
            problems.append(
                f"search index {current.seconds:.0f} s behind ({current.pending} entries)"
            )
        consumers.check_position(position())
        if not settings.SEARCH_INDEX_APPLY_ON_COMMIT:
            problems += _indexer_problems(details)
    except consumers.BehindWatermark as exc:
        problems.append(f"search index: {exc}")
    except DatabaseError as exc:
        connections[PRIMARY].close()
        problems.append(f"database: {exc}".strip())
    problems += _replica_problems()
    details["problems"] = problems
    return not problems, details


def _replica_problems() -> list[str]:
    """Pages read the replica when one is configured: it must answer."""
    if "replica" not in settings.DATABASES:
        return []
    try:
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        connections["replica"].close()
        return [f"read replica: {exc}".strip()]
    return []


def _indexer_problems(details: dict) -> list[str]:
    status = IndexerStatus.objects.using(PRIMARY).filter(node=node()).first()
    if status is None or status.heartbeat_at is None:
        return ["run_indexer has not reported on this machine"]
    silent = (timezone.now() - status.heartbeat_at).total_seconds()
    details["indexer"] = {
        "pid": status.pid,
        "silent_seconds": round(silent, 1),
        "last_error": status.last_error,
        "horizon": status.horizon,
    }
    if silent > settings.READY_MAX_INDEXER_SILENCE_SECONDS:
        return [f"run_indexer silent for {silent:.0f} s (last error: {status.last_error or '-'})"]
    return []
