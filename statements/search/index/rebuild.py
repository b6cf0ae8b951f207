"""Build a whole new index generation from PostgreSQL, then swap it in."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connections, transaction
from django.utils import timezone

from statements.search.index import consumers, documents, store
from statements.search.index.consumers import PRIMARY
from statements.search.models import IndexerStatus

HEAP_BYTES = 1_000_000_000
THREADS = 2


def rebuild(
    *, tick: Callable[[int], None] = lambda n: None, total: Callable[[int], None] = lambda n: None
) -> int:
    """Index every statement into a new generation and make it live; return documents written.

    One REPEATABLE READ snapshot of the primary is read; the new index starts from that
    snapshot's xmin, so the indexer then re-applies whatever committed while the rebuild ran.
    The machine's consumer row is lowered to before that xmin first (and created on a new
    machine), its `applied_at` set to now: it is live from that moment (`consumers.live`), so no
    other machine's indexer prunes what the new index still needs, even on a new machine whose
    run_indexer has not started yet
    (without it, a 1M-statement rebuild on a second machine was thrown away and done again).
    A row whose machine never runs an indexer stops holding entries back after
    OUTBOX_CONSUMER_TIMEOUT_SECONDS, like a machine switched off.
    """
    hold_outbox()
    generation = store.new_generation()
    index = store.create(generation)
    writer = index.writer(heap_size=HEAP_BYTES, num_threads=THREADS)
    written = 0
    primary = connections[PRIMARY]
    outermost = not primary.in_atomic_block  # else (tests) the caller's transaction reads
    with transaction.atomic(using=PRIMARY):
        with primary.cursor() as cursor:
            if outermost:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            xmin = cursor.fetchone()[0]
            cursor.execute("SELECT count(*) FROM statements_statement")
            total(cursor.fetchone()[0])
        for row in documents.all_rows():
            writer.add_document(documents.document(row))
            written += 1
            if written % 5000 == 0:
                tick(5000)
    writer.commit()
    writer.wait_merging_threads()
    tick(written % 5000)
    store.write_state(generation, {"xid": xmin})
    store.swap(generation)
    return written


def hold_outbox() -> None:
    """Lower (or create) this machine's consumer position to the primary's xmin now, live (the
    heartbeat stays run_indexer's own: readiness reads it)."""
    xmin = consumers.current_xmin()
    IndexerStatus.objects.using(PRIMARY).update_or_create(
        node=consumers.node(), defaults={"position": xmin, "applied_at": timezone.now()}
    )
