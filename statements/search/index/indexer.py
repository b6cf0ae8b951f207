"""Apply the outbox to the index: the only writer (tantivy allows one per index).

Position: the index remembers (state.json) a transaction id, `xid`, below which every outbox
entry is applied, and the ids of the entries at or above it that are applied too (`applied`).
A poll asks PostgreSQL for the oldest transaction still running anywhere on the cluster (the
snapshot's xmin) and reads every committed entry at or above the position: the ones not applied
yet are applied and committed to the index, and only then is the state saved, with xmin as the
new position and the applied entries at or above it. An entry whose transaction is still running
has an xid >= xmin, so it stays above the position and is applied once it commits: nothing is
lost. A process killed in between applies them again on restart (re-indexing is idempotent).

An unrelated transaction left open (in any database of the cluster) holds xmin, and so the
position, back; it no longer holds back the entries committed meanwhile, which are applied at
the next poll. While it is open the `applied` list grows with the entries committed since, and
`horizon()` names the transaction; a role-level idle_in_transaction_session_timeout bounds it
(README, "Search").
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
        """Apply every committed entry not applied yet; return how many were applied."""
        self.ensure()
        state = store.read_state(self.generation)
        position, applied = state.get("xid", 0), set(state.get("applied", ()))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            xmin = cursor.fetchone()[0]
            found = list(
                OutboxEntry.objects.extra(
                    select={"xid_value": "xid::text::bigint"},
                    where=["xid >= %s::text::xid8"],
                    params=[position],
                )
                .order_by("id")
                .values_list("id", "xid_value")
            )
            new = [pk for pk, _ in found if pk not in applied]
            entries = list(OutboxEntry.objects.filter(pk__in=new).order_by("id")) if new else []
        if entries:
            self.apply(entries)
        still_above = sorted(pk for pk, xid in found if xid >= xmin)
        if entries or xmin != position or still_above != sorted(applied):
            store.write_state(self.generation, {"xid": xmin, "applied": still_above})
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
