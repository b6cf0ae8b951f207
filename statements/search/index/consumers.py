"""Outbox consumers registered in PostgreSQL, and pruning that never outruns them.

Each machine's run_indexer is a consumer: its IndexerStatus row holds its name (host and index
folder), its position (the transaction id below which its index has applied every entry), its
heartbeat and its lag. Every read and write here goes to the primary (PRIMARY), whatever the
router would pick: the index is fed from the primary alone, and a replica may lag or be down.

- A consumer is *live* while its heartbeat, or its last apply or rebuild (`applied_at`), is younger
  than OUTBOX_CONSUMER_TIMEOUT_SECONDS (7 days by default): a machine switched off for a weekend
  keeps its entries, and so does a new machine building its first index before its run_indexer
  starts.
- `prune()` deletes the entries of transactions below the lowest position of a live consumer,
  and records that bound (the watermark, one OutboxWatermark row) in the same transaction.
- A consumer whose position is below the watermark has missed entries that are gone: it must
  rebuild (run_indexer does so on its own; /readyz answers 503 meanwhile, saying why).
"""

from __future__ import annotations

import socket
from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from statements.search.index import store
from statements.search.models import IndexerStatus, OutboxEntry, OutboxWatermark

PRIMARY = DEFAULT_DB_ALIAS


class BehindWatermark(store.IndexUnavailable):
    """Entries this index has not applied were pruned: only a rebuild can bring it back."""


def node() -> str:
    """This machine's name for its index: the host and the index folder."""
    return f"{settings.SEARCH_INDEX_NODE or socket.gethostname()}:{store.root()}"[:300]


def current_xmin() -> int:
    """The oldest transaction still running on the primary's cluster (a snapshot's xmin)."""
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        return cursor.fetchone()[0]


def record_status(**values) -> None:
    """Update this machine's consumer row on the primary (best effort: it may be down)."""
    try:
        IndexerStatus.objects.using(PRIMARY).update_or_create(node=node(), defaults=values)
    except DatabaseError:
        connections[PRIMARY].close()


def live() -> QuerySet[IndexerStatus]:
    """Consumers that hold entries back: a position, and a heartbeat (or an apply or rebuild)
    within the timeout."""
    since = timezone.now() - timedelta(seconds=settings.OUTBOX_CONSUMER_TIMEOUT_SECONDS)
    return IndexerStatus.objects.using(PRIMARY).filter(
        Q(heartbeat_at__gte=since) | Q(applied_at__gte=since), position__isnull=False
    )


def watermark() -> int:
    """The transaction id below which entries may have been pruned (0: never pruned)."""
    found = OutboxWatermark.objects.using(PRIMARY).filter(pk=1).values_list("pruned_below")
    row = found.first()
    return row[0] if row else 0


def check_position(position: int) -> None:
    """BehindWatermark when entries at or above `position` may have been pruned."""
    mark = watermark()
    if position < mark:
        raise BehindWatermark(
            f"This index applied the outbox up to transaction {position}, but entries below "
            f"{mark} were pruned while it was away: it must be rebuilt (run_indexer does)."
        )


def prune() -> int:
    """Delete entries every live consumer has applied; return how many were deleted."""
    with transaction.atomic(using=PRIMARY):
        mark, _ = OutboxWatermark.objects.using(PRIMARY).select_for_update().get_or_create(pk=1)
        lowest = live().aggregate(lowest=Min("position"))["lowest"]
        if lowest is None or lowest <= mark.pruned_below:
            return 0
        old = OutboxEntry.objects.using(PRIMARY).extra(
            where=["xid < %s::text::xid8"], params=[lowest]
        )
        deleted, _ = old.delete()
        mark.pruned_below, mark.pruned_at, mark.deleted = lowest, timezone.now(), deleted
        mark.save(using=PRIMARY)
    return deleted
