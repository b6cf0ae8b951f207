"""Apply the outbox to the index: the only writer (tantivy allows one per index).

Position: the index remembers (state.json) the transaction id up to which it applied the
outbox. A poll asks PostgreSQL for the oldest transaction still running (the snapshot's xmin):
every transaction below it has finished, so the entries with position <= xid < xmin are final
and complete. Those are applied and committed to the index, and only then is the position
saved. A process killed in between applies them again on restart (re-indexing is idempotent),
and an entry whose transaction commits late is picked up when it does: nothing is lost.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

import tantivy
from django.db import connection, transaction

from statements.search.index import documents, store
from statements.search.models import OutboxEntry

log = logging.getLogger(__name__)
HEAP_BYTES = 64_000_000
_in_process = threading.Lock()


class Indexer:
    """Holds the writer of the live generation; reopens it when a rebuild swapped one in."""

    def __init__(self) -> None:
        self.generation = None
        self.index: tantivy.Index | None = None
        self.writer = None

    def ensure(self) -> None:
        generation = store.current_generation()
        if generation is None or not (generation / "meta.json").exists():
            raise store.IndexUnavailable("No search index: run manage.py rebuild_search_index.")
        if generation != self.generation:
            self.close()
            self.index = store.register(tantivy.Index.open(str(generation)))
            self.writer = self.index.writer(heap_size=HEAP_BYTES, num_threads=1)
            self.generation = generation

    def close(self) -> None:
        self.writer = self.index = self.generation = None  # dropping the writer frees its lock

    def poll(self) -> int:
        """Apply every finished entry past the position; return how many were applied."""
        self.ensure()
        position = store.read_state(self.generation).get("xid", 0)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            xmin = cursor.fetchone()[0]
            entries = list(
                OutboxEntry.objects.extra(
                    where=["xid >= %s::text::xid8", "xid < %s::text::xid8"], params=[position, xmin]
                ).order_by("id")
            )
        if entries:
            self.apply(entries)
        if entries or xmin != position:
            store.write_state(self.generation, {"xid": xmin})
        return len(entries)

    def apply(self, entries: Iterable[OutboxEntry]) -> int:
        """Redo the documents the entries name, in one index commit; return documents written."""
        self.ensure()
        entries = list(entries)
        if any(e.everything for e in entries):
            self.writer.delete_all_documents()
            written = _add_all(self.writer)
        else:
            written = self._redo(_statement_ids(entries), _meetings(entries))
        self.writer.commit()
        return written

    def _redo(self, ids: set[int], meetings: set[int]) -> int:
        for meeting in meetings:  # also drops statements a re-ingest retired
            self.writer.delete_documents_by_term("meeting", meeting)
        for pk in ids:
            self.writer.delete_documents_by_term("id", pk)
        written = 0
        for _, doc in documents.documents_for(ids):
            self.writer.add_document(doc)
            written += 1
        return written


def _meetings(entries: list[OutboxEntry]) -> set[int]:
    return {m for e in entries for m in e.meeting_ids}


def _statement_ids(entries: list[OutboxEntry]) -> set[int]:
    """Every statement the entries touch, resolved through meetings, speakers and delegations."""
    from statements.models import Statement

    ids = {pk for e in entries for pk in e.statement_ids}
    meetings = _meetings(entries)
    speakers = {s for e in entries for s in e.speaker_ids}
    delegations = {d for e in entries for d in e.delegation_ids}
    if meetings:
        ids |= set(Statement.objects.filter(meeting_id__in=meetings).values_list("pk", flat=True))
    if speakers:
        family = Statement.objects.filter(speaker__merged_into_id__in=speakers)
        ids |= set(family.values_list("pk", flat=True))
        ids |= set(Statement.objects.filter(speaker_id__in=speakers).values_list("pk", flat=True))
    if delegations:
        found = Statement.objects.filter(delegation_id__in=delegations)
        ids |= set(found.values_list("pk", flat=True))
    return ids


def _add_all(writer) -> int:
    written = 0
    with transaction.atomic():
        for row in documents.all_rows():
            writer.add_document(documents.document(row))
            written += 1
    return written


def apply_in_process(entry: OutboxEntry) -> None:
    """Dev mode: apply an entry right after its commit, then catch up; skip if another writes."""
    with _in_process:
        indexer = Indexer()
        try:
            indexer.apply([entry])
            indexer.poll()
        except store.IndexUnavailable as exc:
            log.warning("Search index not updated: %s", exc)
        except ValueError as exc:  # the writer's lock is held: run_indexer applies it
            log.info("Search index is written by another process: %s", exc)
        finally:
            indexer.close()
