"""Corrections on the upload review page, before anything is written.

Each statement on the review page has a small "Correct" panel whose fields are named
``<form prefix>-c<sequence>-<field>``; its button posts ``step=correct:<prefix>:<sequence>``
(sequence 0: the whole meeting, marked reviewed).
This turns those fields into a pending correction on the parse (the same operations as on an
archived meeting), which the review page keeps (signed) until staff confirm; confirming writes
the release with them applied and records them in the meeting's history.
"""

from __future__ import annotations

from statements.decisions.models import NarrativeParagraph
from statements.ingest.corrections import first_words, paragraphs, sentence_starts, text_hash
from statements.ingest.plan import IngestPlan
from statements.models import Delegation, Statement
from statements.parsing.model import ParsedNarrative, ParsedRelease

OPERATIONS = {
    "reassign": "Change delegation, speaker, title or kind",
    "split": "Split at a sentence",
    "merge": "Merge the next statement into this one",
    "to_narrative": "Move a paragraph to the narrative",
    "to_statement": "Move a narrative paragraph next to it into it",
    "review": "Mark reviewed",
}
WHOLE_MEETING = 0  # the "sequence" of the meeting-wide panel: mark every statement reviewed


class PendingError(ValueError):
    """What staff posted cannot be a correction (said in words)."""


def parse_step(step: str) -> tuple[str, int] | None:
    """("form-0", 12) from "correct:form-0:12", else None."""
    parts = step.split(":")
    if len(parts) == 3 and parts[0] == "correct" and parts[2].isdigit():
        return parts[1], int(parts[2])
    return None


def pending_correction(*, data, prefix: str, sequence: int, plan: IngestPlan) -> dict:
    """The pending correction the posted panel asks for, checked against the plan."""
    if sequence == WHOLE_MEETING:
        return _review_meeting(data=data, prefix=prefix, plan=plan)
    items = {item.parsed.sequence: item for item in plan.statements}
    item = items.get(sequence)
    if item is None:
        raise PendingError("That statement is no longer in the review: review it again.")

    def field(name: str) -> str:
        return (data.get(f"{prefix}-c{sequence}-{name}") or "").strip()

    operation, reason = field("operation"), field("reason")
    if operation not in OPERATIONS:
        raise PendingError("Choose what to correct.")
    if not reason:
        raise PendingError("Say why: every correction is recorded with its reason.")
    parsed = item.parsed
    params = {"anchor": text_hash(parsed.text)}
    name = f"statement {sequence} ({parsed.speaker or parsed.delegation_label or 'unattributed'})"
    other_id = None
    if operation == "review":
        description = f"Reviewed {name}"
    elif operation == "reassign":
        changes = _who(field, params)
        if field("kind") and field("kind") != parsed.kind:
            params["kind"] = _kind(field("kind"))
            changes.append(f"kind to {params['kind']}")
        if not changes:
            raise PendingError("Nothing to change: fill in what is wrong.")
        description = f"Changed {name}: {', '.join(changes)}"
    elif operation == "split":
        at = int(field("at") or 0)
        if at not in sentence_starts(parsed.text):
            raise PendingError("Choose the sentence the second part starts with.")
        params |= {"at": at, "kind": _kind(field("kind") or "statement"), "speaker": ""}
        _who(field, params)
        description = f"Split {name} at “{first_words(parsed.text[at:], 6)} …”"
    elif operation == "merge":
        following = items.get(sequence + 1)
        if following is None:
            raise PendingError("The last statement has no next one to merge.")
        params["other"] = text_hash(following.parsed.text)
        other_id = following.existing.pk if following.existing else None
        description = f"Merged statement {sequence + 1} into {name}"
    elif operation == "to_statement":
        moved = _narrative(plan.parsed, sequence, field("narrative"))
        params["narrative"] = text_hash(moved.text)
        words = first_words(moved.text, 6)
        description = f"Moved “{words} …” from the narrative into {name}"
    else:  # to_narrative
        index = int(field("paragraph") or 0)
        if index >= len(paragraphs(parsed.text)):
            raise PendingError("The statement has no such paragraph.")
        kind = field("narrative_kind") or "other"
        if kind not in NarrativeParagraph.Kind.values:
            raise PendingError(f"“{kind}” is not a kind of narrative paragraph.")
        params |= {"index": index, "narrative_kind": kind}
        description = f"Moved a paragraph of {name} to the narrative"
    return {
        "operation": operation,
        "params": params,
        "description": description,
        "reason": reason,
        "statement_id": item.existing.pk if item.existing else None,
        "other_id": other_id,
    }


def _who(field, params: dict) -> list[str]:
    """Delegation, speaker and title from the panel into params; the changes in words."""
    changes = []
    if code := field("delegation"):
        delegation = Delegation.objects.filter(code__iexact=code).first()
        if delegation is None:
            raise PendingError(f"No delegation has the code “{code}”.")
        params |= {"delegation_label": delegation.name, "delegation_code": delegation.code}
        changes.append(f"delegation to {delegation.name}")
    for name in ("speaker", "title"):
        if value := field(name):
            params[name] = value
            changes.append(f"{name} to “{value}”")
    return changes


def _kind(kind: str) -> str:
    if kind not in Statement.Kind.values or kind == Statement.Kind.SUMMARY:
        raise PendingError(f"“{kind}” is not a kind a corrected statement can have.")
    return kind


def narrative_near(parsed: ParsedRelease, sequence: int) -> list[ParsedNarrative]:
    """The narrative paragraphs between a statement's neighbours: those it may take in."""
    statements = sorted(parsed.statements, key=lambda s: s.sequence)
    at = next((i for i, s in enumerate(statements) if s.sequence == sequence), None)
    if at is None:
        return []
    low = statements[at - 1].paragraph if at > 0 else -1
    high = statements[at + 1].paragraph if at + 1 < len(statements) else float("inf")
    return [n for n in parsed.narrative if low < n.paragraph < high]


def _narrative(parsed: ParsedRelease, sequence: int, posted: str) -> ParsedNarrative:
    for paragraph in narrative_near(parsed, sequence):
        if str(paragraph.paragraph) == posted:
            return paragraph
    raise PendingError("Choose a narrative paragraph next to the statement.")


def _review_meeting(*, data, prefix: str, plan: IngestPlan) -> dict:
    """Every statement of the release marked reviewed, as the review page now shows them."""
    reason = (data.get(f"{prefix}-c{WHOLE_MEETING}-reason") or "").strip()
    if not reason:
        raise PendingError("Say why: every correction is recorded with its reason.")
    texts = " ".join(item.parsed.text for item in plan.statements)
    return {
        "operation": "review_meeting",
        "params": {"anchor": text_hash(texts)},
        "description": "Reviewed the whole meeting",
        "reason": reason,
        "statement_id": None,
        "other_id": None,
    }
