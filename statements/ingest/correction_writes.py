"""Record, apply and undo staff corrections: every change goes through the ingest writer.

A correction is saved as an operation on the parse (statements.ingest.corrections), then the
meeting is written again from its stored release with every correction in force applied: the
same path as an upload, so the statements, narrative, themes, search index (outbox) and pages all
follow at once, ids stay (the writer keeps each corrected statement's id), and a re-ingest of
the release applies the same operations again.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction
from django.utils import timezone

from meetings.models import Meeting
from statements.ingest.corrections import Op, Outcome, apply_corrections
from statements.ingest.errors import IngestError
from statements.ingest.plan import IngestPlan, plan_release
from statements.models import Correction, RetiredStatement
from statements.parsing import ParsedRelease, ParseError, parse_press_release


class CorrectionRefused(IngestError):
    """A correction that cannot be made: nothing was written."""


def op_of(correction: Correction) -> Op:
    return Op(
        key=correction.pk,
        operation=correction.operation,
        params=correction.params,
        date=timezone.localdate(correction.created_at),
        statement_id=correction.statement_id,
        other_id=correction.other_id,
    )


def pending_op(index: int, pending: dict) -> Op:
    """A correction made on the review page, before the release is in the archive."""
    return Op(
        key=-(index + 1),
        operation=pending["operation"],
        params=pending["params"],
        date=timezone.localdate(),
        statement_id=pending.get("statement_id"),
        other_id=pending.get("other_id"),
    )


def corrected_plan(
    *,
    parsed: ParsedRelease,
    source: bytes,
    source_name: str,
    overrides: dict | None = None,
    replace: bool = False,
    pending: list | None = None,
    trusted_hosts: Collection[str] = (),
) -> tuple[IngestPlan, Outcome | None]:
    """The ingest plan with the stored release's corrections (and pending ones) applied.

    A stored correction whose text changed is a warning of the plan, so that a caller that writes
    only clean plans (the harvester) sends the release to review instead.
    """
    args = {
        "source": source,
        "source_name": source_name,
        "overrides": overrides,
        "trusted_hosts": trusted_hosts,
    }
    plan = plan_release(parsed=parsed, replace=replace, **args)
    stored = (
        list(Correction.objects.filter(meeting__release=plan.existing).active())
        if plan.existing
        else []
    )
    ops = [op_of(c) for c in stored] + [pending_op(i, p) for i, p in enumerate(pending or [])]
    if not ops:
        return plan, None
    outcome = apply_corrections(parsed, ops)
    plan = plan_release(parsed=outcome.parsed, replace=replace, pins=outcome.pins, **args)
    names = {c.pk: c.description for c in stored}
    names |= {-(i + 1): p["description"] for i, p in enumerate(pending or [])}
    for key, why in outcome.flagged.items():
        plan.warnings.append(f"Correction “{names[key]}” no longer applies: {why}")
    return plan, outcome


def settle_corrections(*, meeting: Meeting, outcome: Outcome, pending: list, user=None) -> int:
    """After a write: record pending corrections, flag those that did not apply, keep ids."""
    by_sequence = dict(meeting.statements.values_list("sequence", "pk"))
    user = user if getattr(user, "pk", None) else None
    for index, item in enumerate(pending):
        key = -(index + 1)
        if key in outcome.flagged:
            raise CorrectionRefused(f"“{item['description']}”: {outcome.flagged[key]}")
        row = Correction.objects.create(
            meeting=meeting,
            operation=item["operation"],
            params=item["params"],
            description=item["description"],
            reason=item["reason"],
            user=user,
            statement_id=item.get("statement_id") or by_sequence.get(outcome.touched.get(key)),
            other_id=item.get("other_id"),
        )
        if key in outcome.split_parts:
            row.other_id = by_sequence.get(outcome.split_parts[key])
            row.save(update_fields=["other_id"])
    flagged = 0
    for row in Correction.objects.filter(meeting=meeting).active():
        flag = outcome.flagged.get(row.pk, "")
        if flag:
            flagged += 1
            flag = f"Re-ingest of {timezone.localdate():%d %B %Y}: {flag}"
            if row.flag:  # keep the first time it stopped applying
                flag = row.flag
        update = {"flag": flag}
        if row.pk in outcome.split_parts and row.other_id is None:
            update["other_id"] = by_sequence.get(outcome.split_parts[row.pk])
        Correction.objects.filter(pk=row.pk).update(**update)
        if row.operation == "merge" and not flag and row.other_id:
            RetiredStatement.objects.filter(statement_id=row.other_id).update(
                merged_into=row.statement_id
            )
    return flagged


def stored_overrides(meeting: Meeting) -> dict:
    """The metadata as stored (staff may have typed it at upload), to lay over a new parse."""
    release = meeting.release
    return {
        "symbol": release.symbol,
        "date": meeting.date,
        "confirm_date": True,
        "body": meeting.body.name,
        "session": meeting.session,
        "meetings": list(meeting.numbers),
        "part": meeting.part,
        "headline": release.headline,
        "source_url": release.source_url,
    }


def rewrite_meeting(*, meeting: Meeting, user=None):
    """Write the meeting again from its stored release, every correction in force applied."""
    from statements.ingest.write import ingest_release

    release = meeting.release
    source = bytes(release.source_file.data)
    try:
        parsed = parse_press_release(source, filename=release.source_name)
    except ParseError as exc:
        raise CorrectionRefused(f"The stored release no longer parses: {exc}") from exc
    return ingest_release(
        parsed=parsed,
        source=source,
        source_name=release.source_name,
        overrides=stored_overrides(meeting),
        user=user,
        via="correction",
        force=True,
    )


def record_correction(
    *,
    meeting: Meeting,
    operation: str,
    params: dict,
    description: str,
    reason: str,
    user=None,
    statement_id: int | None = None,
    other_id: int | None = None,
) -> Correction:
    """Save one correction and write the meeting with it; refused (nothing written) if it
    does not apply."""
    if not reason.strip():
        raise CorrectionRefused("Say why: every correction is recorded with its reason.")
    with transaction.atomic():
        correction = Correction.objects.create(
            meeting=meeting,
            operation=operation,
            params=params,
            description=description,
            reason=reason.strip(),
            user=user if getattr(user, "pk", None) else None,
            statement_id=statement_id,
            other_id=other_id,
        )
        rewrite_meeting(meeting=meeting, user=user)
        correction.refresh_from_db()
        if correction.flag:
            raise CorrectionRefused(correction.flag.split(": ", 1)[-1])
        return correction


def undo_correction(*, correction: Correction, user=None) -> None:
    """Undo a correction: the meeting is written again without it. Refused when a later
    correction depends on it (undo that one first)."""
    with transaction.atomic():
        before = set(Correction.objects.flagged().filter(meeting=correction.meeting_id))
        correction.undone_at = timezone.now()
        correction.undone_by = user if getattr(user, "pk", None) else None
        correction.save(update_fields=["undone_at", "undone_by"])
        rewrite_meeting(meeting=correction.meeting, user=user)
        broken = Correction.objects.flagged().filter(meeting=correction.meeting_id)
        broken = [c for c in broken if c not in before]
        if broken:
            names = "; ".join(f"“{c.description}”" for c in broken)
            raise CorrectionRefused(
                f"Undoing it would leave later corrections with nothing to apply to ({names}): "
                "undo those first."
            )
