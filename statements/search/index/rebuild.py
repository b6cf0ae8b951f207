"""Build a whole new index generation from PostgreSQL, then swap it in."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, transaction

from statements.search.index import documents, store

HEAP_BYTES = 1_000_000_000
THREADS = 2


def rebuild(
    *, tick: Callable[[int], None] = lambda n: None, total: Callable[[int], None] = lambda n: None
) -> int:
    """Index every statement into a new generation and make it live; return documents written.

    One REPEATABLE READ snapshot is read; the new index starts from that snapshot's xmin, so the
    indexer then re-applies whatever committed while the rebuild ran.
    """
    generation = store.new_generation()
    index = store.create(generation)
    writer = index.writer(heap_size=HEAP_BYTES, num_threads=THREADS)
    written = 0
    outermost = not connection.in_atomic_block  # else (tests) the caller's transaction reads
    with transaction.atomic():
        with connection.cursor() as cursor:
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
