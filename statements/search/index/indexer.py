"""Apply the outbox to the index: the only writer (tantivy allows one per index).

Position: the index remembers (state.json) a transaction id, `xid`, below which every outbox
entry is applied, and the ids of the entries at or above it that are applied too (`applied`).
A poll asks PostgreSQL for the oldest transaction still running anywhere on the cluster (the
snapshot's xmin) and reads every committed entry at or above the position: the ones not applied
yet are applied and committed to the index, and only then is the state saved, with xmin as the
new position and the applied entries at or above it. An entry whose transaction is still running
has an xid >= xmin, so it stays above the position and is applied once it commits: nothing is
lost. A process killed in between applies them again on restart (re-indexing is idempotent).

Large entries (a re-tag, a speaker merge across thousands of statements) are applied in slices
of INDEXER_BATCH_STATEMENTS statements, one index commit each; each poll first applies and commits
the small entries, then one slice: an ordinary change waits at most for the slice being applied
when it commits, never for the whole bulk change. A partly applied entry keeps the
position below its transaction, and its progress is saved (`partial`); re-indexing reads the
current rows, so applying entries out of order is exact. The saved progress is the last
statement id applied (ids go in order), so a restart that resolves the entry again goes on after
it, whatever statements were added or deleted meanwhile.

Every read goes to the primary (PRIMARY), never to a replica, which may lag or be down.

An unrelated transaction left open (in any database of the cluster) holds xmin, and so the
position, back; it no longer holds back the entries committed meanwhile, which are applied at
the next poll. While it is open the `applied` list grows with the entries committed since, and
`horizon()` names the transaction; a role-level idle_in_transaction_session_timeout bounds it
(README, "Search").
"""

from __future__ import annotations

import bisect
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import tantivy
from django.conf import settings
from django.db import transaction

from statements.search.index import consumers, documents, store
from statements.search.index.consumers import PRIMARY
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
        self._resolved: dict[int, list[int]] = {}

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
        """Apply committed entries not applied yet (at most BATCH statements' worth of the large
        ones a poll); return how many entries were finished."""
        self.ensure()
        state = store.read_state(self.generation)
        position, applied = state.get("xid", 0), set(state.get("applied", ()))
        partial = {int(k): v for k, v in state.get("partial", {}).items()}
        with transaction.atomic(using=PRIMARY):
            xmin = consumers.current_xmin()
            found = list(
                OutboxEntry.objects.using(PRIMARY)
                .extra(
                    select={"xid_value": "xid::text::bigint"},
                    where=["xid >= %s::text::xid8"],
                    params=[position],
                )
                .order_by("id")
                .values_list("id", "xid_value")
            )
            # Read after the entries: a prune committed before that read is seen here.
            consumers.check_position(position)
            new = [pk for pk, _ in found if pk not in applied]
            entries = list(OutboxEntry.objects.using(PRIMARY).filter(pk__in=new).order_by("id"))
        first = self.plan(self.small(entries, partial), {})
        if first.work:  # ordinary changes are committed before any slice of a large one
            self.apply_plan(first)
        plan = self.plan([e for e in entries if e.pk not in first.finished], partial)
        if plan.work:
            self.apply_plan(plan)
        finished = first.finished | plan.finished
        self.save_position(found, xmin, applied | finished, plan.partial, state)
        return len(finished)

    def small(self, entries: list[OutboxEntry], partial: dict[int, int]) -> list[OutboxEntry]:
        """Entries applied whole in one commit: not begun, not everything, within one slice."""
        budget = settings.INDEXER_BATCH_STATEMENTS
        return [
            e
            for e in entries
            if not e.everything and e.pk not in partial and len(self.resolved(e)) <= budget
        ]

    def save_position(self, found, xmin: int, done: set[int], partial: dict, state: dict) -> None:
        """Move the position to xmin, or to the oldest entry not finished if that is lower."""
        unfinished = [xid for pk, xid in found if pk not in done]
        position = min([xmin, *unfinished])
        above = sorted(pk for pk, xid in found if xid >= position and pk in done)
        new = {"xid": position, "applied": above}
        if partial:
            new["partial"] = {str(k): v for k, v in partial.items()}
        if new != state:
            store.write_state(self.generation, new)

    def plan(self, entries: list[OutboxEntry], partial: dict[int, int]) -> Plan:
        """What this poll redoes: small entries first, then slices of large ones, within BATCH."""
        plan = Plan(partial=dict(partial))
        budget = settings.INDEXER_BATCH_STATEMENTS
        sized = [(e, self.resolved(e)) for e in entries]
        sized.sort(key=lambda pair: (len(pair[1]) > budget or pair[0].everything, pair[0].pk))
        for entry, ids in sized:
            if budget <= 0:
                break
            if entry.everything:
                plan.everything = True
                plan.finish(entry)
                break
            done_up_to = partial.get(entry.pk)  # the last statement id of its slices so far
            start = 0 if done_up_to is None else bisect.bisect_right(ids, done_up_to)
            part = ids[start : start + budget]
            budget -= len(part)
            plan.ids.update(part)
            if done_up_to is None and start + len(part) >= len(ids):
                plan.meetings.update(entry.meeting_ids)  # whole: retired statements go too
            if start + len(part) >= len(ids):
                plan.finish(entry)
                plan.partial.pop(entry.pk, None)
                self._resolved.pop(entry.pk, None)
            else:
                plan.partial[entry.pk] = part[-1]
        return plan

    def resolved(self, entry: OutboxEntry) -> list[int]:
        """The statement ids an entry names, sorted (kept while a large entry is applied)."""
        if entry.pk not in self._resolved:
            self._resolved[entry.pk] = sorted(_statement_ids([entry]))
        return self._resolved[entry.pk]

    def apply_plan(self, plan: Plan) -> int:
        """Redo the plan's documents in one index commit; return documents written."""
        self.ensure()
        if plan.everything:
            self.writer.delete_all_documents()
            written = _add_all(self.writer)
        else:
            written = self._redo(plan.ids, plan.meetings)
        self.writer.commit()
        return written

    def apply(self, entries: Iterable[OutboxEntry]) -> int:
        """Redo every document the entries name, in one index commit (no batching)."""
        entries = list(entries)
        plan = Plan(
            ids=_statement_ids(entries),
            meetings=_meetings(entries),
            everything=any(e.everything for e in entries),
        )
        return self.apply_plan(plan)

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


@dataclass
class Plan:
    """One poll's work: statements to redo, meetings whose documents go first, and progress."""

    ids: set[int] = field(default_factory=set)
    meetings: set[int] = field(default_factory=set)
    everything: bool = False
    finished: set[int] = field(default_factory=set)
    partial: dict[int, int] = field(default_factory=dict)  # entry id: last statement id applied

    @property
    def work(self) -> bool:
        return bool(self.ids or self.meetings or self.everything)

    def finish(self, entry: OutboxEntry) -> None:
        self.finished.add(entry.pk)


def _meetings(entries: list[OutboxEntry]) -> set[int]:
    return {m for e in entries for m in e.meeting_ids}


def _statement_ids(entries: list[OutboxEntry]) -> set[int]:
    """Every statement the entries touch, resolved through meetings, speakers and delegations."""
    from statements.models import Statement

    statements = Statement.objects.using(PRIMARY)  # never a replica, which may lag or be down
    ids = {pk for e in entries for pk in e.statement_ids}
    meetings = _meetings(entries)
    speakers = {s for e in entries for s in e.speaker_ids}
    delegations = {d for e in entries for d in e.delegation_ids}
    if meetings:
        ids |= set(statements.filter(meeting_id__in=meetings).values_list("pk", flat=True))
    if speakers:
        family = statements.filter(speaker__merged_into_id__in=speakers)
        ids |= set(family.values_list("pk", flat=True))
        ids |= set(statements.filter(speaker_id__in=speakers).values_list("pk", flat=True))
    if delegations:
        found = statements.filter(delegation_id__in=delegations)
        ids |= set(found.values_list("pk", flat=True))
    return ids


def _add_all(writer) -> int:
    written = 0
    with transaction.atomic(using=PRIMARY):
        for row in documents.all_rows():
            writer.add_document(documents.document(row))
            written += 1
    return written


def catch_up() -> None:
    """Dev mode: apply every committed entry not applied yet; skip if another process writes."""
    with _in_process:
        indexer = Indexer()
        try:
            indexer.poll()
        except store.IndexUnavailable as exc:
            log.warning("Search index not updated: %s", exc)
        except ValueError as exc:  # the writer's lock is held: run_indexer applies it
            log.info("Search index is written by another process: %s", exc)
        finally:
            indexer.close()
