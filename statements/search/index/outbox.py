"""Record, in the writer's transaction, what the search index must redo."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from statements.search.models import OutboxEntry


def record(
    *,
    statement_ids: Iterable[int] = (),
    meeting_ids: Iterable[int] = (),
    speaker_ids: Iterable[int] = (),
    delegation_ids: Iterable[int] = (),
    everything: bool = False,
) -> OutboxEntry | None:
    """Write one outbox entry in the current transaction; apply it after commit in dev mode."""
    entry = OutboxEntry(
        statement_ids=sorted({int(i) for i in statement_ids}),
        meeting_ids=sorted({int(i) for i in meeting_ids}),
        speaker_ids=sorted({int(i) for i in speaker_ids if i}),
        delegation_ids=sorted({int(i) for i in delegation_ids if i}),
        everything=everything,
    )
    named = entry.statement_ids or entry.meeting_ids or entry.speaker_ids or entry.delegation_ids
    if not (named or everything):
        return None
    entry.save()
    if settings.SEARCH_INDEX_APPLY_ON_COMMIT:
        transaction.on_commit(lambda: _apply_now(entry))
    return entry


def _apply_now(entry: OutboxEntry) -> None:
    from statements.search.index import indexer

    indexer.apply_in_process(entry)
