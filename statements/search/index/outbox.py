"""The outbox is written by PostgreSQL: what is left here is what triggers cannot see.

Statement-level triggers on every table the index reads (migration search_index 0003) insert an
entry, in the writer's transaction, for each SQL statement that changes what search shows; no
write path has to remember it. `record` remains for a change no row names: re-indexing
everything after a re-tag of every meeting.
"""

from __future__ import annotations

from statements.search.models import OutboxEntry


def record(*, everything: bool) -> OutboxEntry | None:
    """Write one entry that re-indexes every statement, in the current transaction."""
    if not everything:
        return None
    return OutboxEntry.objects.create(everything=True)
