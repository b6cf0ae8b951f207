"""Pair a re-ingest's statements with the stored ones, so permalinks survive any upload order.

First the ids staff corrections keep (``plan.pins``), then by content (same kind and same text,
whitespace aside), then by who spoke in order, then a statement staff corrected by its place;
a statement no stored row matches takes back the id of a retired one with the same text.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from meetings.models import Meeting
from statements import review
from statements.ingest.corrections import text_hash
from statements.ingest.speaker_names import name_key
from statements.models import RetiredStatement
from statements.reference import normalize_name

if TYPE_CHECKING:
    from statements.ingest.plan import IngestPlan, PlannedStatement


def match_existing_statements(plan: IngestPlan) -> None:
    """Pair new statements with the stored ones they replace, so their ids stay."""
    meeting = Meeting.objects.filter(release=plan.existing).first() if plan.existing else None
    stored = list(meeting.statements.order_by("sequence")) if meeting else []
    _match_pinned(plan, stored, meeting)
    pinned = {item.existing.pk for item in plan.statements if item.existing}
    stored = [s for s in stored if s.pk not in pinned]
    by_text = defaultdict(list)
    for statement in stored:
        by_text[(statement.kind, text_hash(statement.text))].append(statement)
    for item in plan.statements:
        if item.existing or item.restored_id:
            continue
        if pool := by_text[(item.parsed.kind, text_hash(item.parsed.text))]:
            item.existing = pool.pop(0)
    left = [s for group in by_text.values() for s in group]
    changed = _match_by_speaker(plan.statements, left)
    changed += _match_corrected_by_place(plan.statements, left)
    matched = {item.existing.pk for item in plan.statements if item.existing}
    plan.retired = [s for s in left if s.pk not in matched]
    _restore_retired(plan, meeting)
    _describe(plan, changed)


def _match_pinned(plan: IngestPlan, stored: list, meeting: Meeting | None) -> None:
    """Statements staff corrections keep at their ids: the row, or a retired id restored."""
    if not plan.pins or meeting is None:
        return
    retired = set(
        RetiredStatement.objects.filter(
            meeting=meeting, statement_id__in=list(plan.pins.values())
        ).values_list("statement_id", flat=True)
    )
    by_id = {s.pk: s for s in stored}
    for item in plan.statements:
        pk = plan.pins.get(item.parsed.sequence)
        if pk in by_id:
            item.existing = by_id.pop(pk)
        elif pk in retired:
            item.restored_id = pk


def _match_by_speaker(items: list[PlannedStatement], stored: list) -> int:
    """Pair what content left unmatched by kind and speaker, in order; count new texts."""
    pool = defaultdict(list)
    for statement in sorted(stored, key=lambda s: s.sequence):
        key = _speaker_key(
            statement.kind,
            statement.delegation_id,
            statement.delegation_label,
            statement.speaker_label,
        )
        pool[key].append(statement)
    changed = 0
    for item in items:
        if item.existing or item.restored_id:
            continue
        p = item.parsed
        delegation_id = item.delegation.pk if item.delegation else None
        key = _speaker_key(p.kind, delegation_id, p.delegation_label or "", p.speaker or "")
        if pool[key]:
            item.existing = pool[key].pop(0)
            changed += 1
    return changed


def _match_corrected_by_place(items: list[PlannedStatement], stored: list) -> int:
    """Pair a statement staff corrected, whose text changed since, with what stands at its
    place: its speaker is the staff's, not the parser's, so only its place still says it."""
    taken = {item.existing.pk for item in items if item.existing}
    corrected = {
        (s.kind, s.sequence): s
        for s in stored
        if s.pk not in taken and s.review_state == review.CORRECTED
    }
    changed = 0
    for item in items:
        if item.existing or item.restored_id:
            continue
        if found := corrected.pop((item.parsed.kind, item.parsed.sequence), None):
            item.existing = found
            changed += 1
    return changed


def _speaker_key(kind: str, delegation_id, delegation_label: str, speaker_label: str) -> tuple:
    """What identifies 'the same statement' across two parses of one release."""
    who = delegation_id or normalize_name(delegation_label or "")
    return (kind, who, name_key(speaker_label or ""))


def _restore_retired(plan: IngestPlan, meeting: Meeting | None) -> None:
    """Give a new statement the id of a retired one of this meeting with the same text."""
    new = [item for item in plan.statements if item.existing is None and not item.restored_id]
    if meeting is None or not new:
        return
    retired = defaultdict(list)
    pinned = {item.restored_id for item in plan.statements if item.restored_id}
    rows = RetiredStatement.objects.filter(meeting=meeting).exclude(text_hash="")
    rows = rows.exclude(statement_id__in=pinned)
    for row in rows.order_by("statement_id"):
        retired[row.text_hash].append(row.statement_id)
    for item in new:
        if ids := retired[text_hash(item.parsed.text)]:
            item.restored_id = ids.pop(0)


def _describe(plan: IngestPlan, changed: int) -> None:
    """Add the statement counts to the plan's list of changes."""
    added = sum(1 for s in plan.statements if s.existing is None and s.restored_id is None)
    restored = sum(1 for s in plan.statements if s.restored_id is not None)
    for n, what in (
        (added, "added"),
        (restored, "restored under their earlier ids"),
        (len(plan.retired), "removed"),
        (changed, "with new text"),
    ):
        if n:
            plan.changes.append(f"{n} statement{'s' * (n > 1)} {what}")
