"""Staff corrections as operations on a parse: applied after the parser, before the writer.

A correction names the statement it changes by the hash of that statement's text at the time
(after the corrections made before it), never by position, so the same operations apply to the
parse of a re-ingest. Where no statement has that text any more, the operation is skipped and
reported (the meeting goes back to review with it flagged), never applied to the wrong text.

The operations (``Op.operation``):

- ``split``: params ``anchor``, ``at`` (where the second part starts, a character offset at a
  sentence), and the second part's ``delegation_label``, ``delegation_code``, ``speaker``,
  ``title`` and ``kind``. The first part keeps the statement (and its id).
- ``merge``: params ``anchor`` (the statement that stays: the earlier one) and ``other`` (the one
  merged into it; its id then redirects to the kept one).
- ``reassign``: params ``anchor`` and any of ``delegation_label``/``delegation_code``,
  ``speaker``, ``title``, ``kind``.
- ``to_narrative``: params ``anchor`` and ``index`` (a paragraph of the statement, from 0) and
  ``narrative_kind``; a statement left with no text goes to the narrative whole.
- ``to_statement``: params ``narrative`` (the narrative paragraph's text hash) and ``anchor``.
- ``review``: params ``anchor``; ``review_meeting``: no params (every statement).

Pure Python, like the parser: no Django import.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field, replace

from statements import review
from statements.parsing.model import (
    NARRATIVE_KINDS,
    STATEMENT_KINDS,
    ParsedNarrative,
    ParsedRelease,
    ParsedStatement,
)

PARAGRAPH_BREAK = "\n\n"
_PARAGRAPHS = re.compile(r"\n\s*\n")
# A sentence ends with . ! ? (or a closing quotation after them) followed by a space.
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s+")
REASSIGNABLE = ("delegation_label", "delegation_code", "speaker", "title", "kind")
CORRECTING = frozenset({"split", "merge", "reassign", "to_narrative", "to_statement"})


def first_words(text: str, n: int) -> str:
    """The first n words of a text: how a sentence or a paragraph is named to staff."""
    return " ".join(text.split()[:n])


def sentence_choices(text: str) -> list[tuple[int, str]]:
    """Where a statement may be split: (offset, the sentence's first words)."""
    return [(at, first_words(text[at:], 8)) for at in sentence_starts(text)]


def paragraph_choices(text: str) -> list[str]:
    """A statement's paragraphs, by their first words."""
    return [first_words(p, 8) for p in paragraphs(text)]


def text_hash(text: str) -> str:
    """SHA-256 of a text with its whitespace collapsed (as statements.ingest.matching)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def paragraphs(text: str) -> list[str]:
    """A statement's paragraphs, as the corrections count them."""
    return [p.strip() for p in _PARAGRAPHS.split(text) if p.strip()]


def sentence_starts(text: str) -> list[int]:
    """Offsets where a sentence other than the first starts: the places a split may cut."""
    return [m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text.rstrip())]


@dataclass(frozen=True)
class Op:
    """One correction to apply: its key (the row's id), operation, params and date."""

    key: int
    operation: str
    params: dict
    date: datetime.date
    statement_id: int | None = None
    other_id: int | None = None


@dataclass
class _Item:
    """A statement while corrections apply: the parse, its review state and id to keep."""

    parsed: ParsedStatement
    state: str
    date: datetime.date | None = None
    pin: int | None = None
    made_by: int | None = None  # the split that made it, for its new id
    touched_by: list[int] = field(default_factory=list)  # the operations that corrected it


@dataclass
class Outcome:
    """The corrected parse, each statement's review state, and what could not apply."""

    parsed: ParsedRelease
    states: dict[int, tuple[str, datetime.date | None]]  # by sequence in the corrected parse
    pins: dict[int, int]  # sequence -> the statement id it must keep
    split_parts: dict[int, int]  # split's key -> sequence of its second part
    flagged: dict[int, str] = field(default_factory=dict)  # op key -> why it did not apply
    touched: dict[int, int] = field(default_factory=dict)  # op key -> sequence it corrected
    applied: list[int] = field(default_factory=list)


class CorrectionError(ValueError):
    """An operation that cannot apply to this parse (its text changed, or it makes no sense)."""


def apply_corrections(parsed: ParsedRelease, ops: list[Op]) -> Outcome:
    """Apply the operations in order; report the ones that no longer apply."""
    items = [_Item(s, review.parsed_state(s.warnings)) for s in parsed.statements]
    by_sequence = {id(item): item.parsed.sequence for item in items}
    narrative = list(parsed.narrative)
    flagged, applied = {}, []
    for op in ops:
        try:
            narrative = _apply(op, items, narrative)
        except CorrectionError as exc:
            flagged[op.key] = str(exc)
        else:
            applied.append(op.key)
    return _outcome(parsed, items, narrative, by_sequence, flagged, applied)


def _apply(op: Op, items: list[_Item], narrative: list[ParsedNarrative]):
    """Apply one operation to the items (in place); return the narrative."""
    p = op.params
    if op.operation == "review_meeting":
        if text_hash(" ".join(i.parsed.text for i in items)) != p.get("anchor"):
            raise CorrectionError("The meeting's statements changed since it was reviewed.")
        for item in items:
            if item.state != review.CORRECTED:
                item.state, item.date = review.REVIEWED, op.date
        return narrative
    if op.operation == "to_statement":
        return _to_statement(op, items, narrative)
    index = _find(items, p.get("anchor", ""))
    item = items[index]
    if op.operation == "review":
        if item.state != review.CORRECTED:
            item.state, item.date = review.REVIEWED, op.date
        item.touched_by.append(op.key)
        return narrative
    if op.operation == "reassign":
        changes = {k: p[k] or None for k in REASSIGNABLE if k in p}
        if changes.get("kind") and changes["kind"] not in STATEMENT_KINDS:
            raise CorrectionError(f"“{changes['kind']}” is not a statement kind.")
        changes["kind"] = changes.get("kind") or item.parsed.kind
        if changes["kind"] != "summary":
            changes["summary_of"] = None
        item.parsed = replace(item.parsed, **changes)
    elif op.operation == "split":
        _split(op, items, index)
    elif op.operation == "merge":
        _merge(op, items, index)
    elif op.operation == "to_narrative":
        return _to_narrative(op, items, index, narrative)
    else:
        raise CorrectionError(f"Unknown operation “{op.operation}”.")
    _corrected(item, op)
    return narrative


def _corrected(item: _Item, op: Op) -> None:
    item.state, item.date = review.CORRECTED, op.date
    item.pin = item.pin or op.statement_id
    item.touched_by.append(op.key)


def _find(items: list[_Item], anchor: str) -> int:
    for index, item in enumerate(items):
        if text_hash(item.parsed.text) == anchor:
            return index
    raise CorrectionError(
        "The statement it applied to is no longer in the release with the same text."
    )


def _split(op: Op, items: list[_Item], index: int) -> None:
    item, p = items[index], op.params
    text, at = item.parsed.text, int(p.get("at", 0))
    if at not in sentence_starts(text):
        raise CorrectionError("A statement can only be split where a sentence starts.")
    first, second = text[:at].rstrip(), text[at:].lstrip()
    kind = p.get("kind") or "statement"
    if kind not in STATEMENT_KINDS or kind == "summary":
        raise CorrectionError(f"“{kind}” is not a kind a split part can have.")
    part = ParsedStatement(
        sequence=0,
        kind=kind,
        speaker=p.get("speaker") or None,
        delegation_label=p.get("delegation_label") or None,
        delegation_code=p.get("delegation_code") or None,
        title=p.get("title") or None,
        on_behalf_of=None,
        aligned_with=None,
        summary_of=None,
        text=second,
        paragraph=item.parsed.paragraph,
    )
    item.parsed = replace(item.parsed, text=first)
    new = _Item(part, review.CORRECTED, op.date, pin=op.other_id, made_by=op.key)
    items.insert(index + 1, new)


def _merge(op: Op, items: list[_Item], index: int) -> None:
    other = _find(items, op.params.get("other", ""))
    if other == index:
        raise CorrectionError("A statement cannot be merged with itself.")
    if other < index:
        raise CorrectionError("The statement kept by a merge is the earlier of the two.")
    kept, gone = items[index], items.pop(other)
    text = kept.parsed.text + PARAGRAPH_BREAK + gone.parsed.text
    kept.parsed = replace(kept.parsed, text=text)


def _to_narrative(op: Op, items: list[_Item], index: int, narrative: list[ParsedNarrative]):
    item, p = items[index], op.params
    parts = paragraphs(item.parsed.text)
    k = int(p.get("index", 0))
    if not 0 <= k < len(parts):
        raise CorrectionError("The statement has no such paragraph.")
    kind = p.get("narrative_kind") or "other"
    if kind not in NARRATIVE_KINDS:
        raise CorrectionError(f"“{kind}” is not a kind of narrative paragraph.")
    taken = {n.paragraph for n in narrative}
    number = item.parsed.paragraph + k
    while number in taken:  # a paragraph number of its own, as near its place as free
        number += 1
    narrative = sorted(
        [*narrative, ParsedNarrative(paragraph=number, text=parts[k], kind=kind)],
        key=lambda n: n.paragraph,
    )
    rest = parts[:k] + parts[k + 1 :]
    if rest:
        item.parsed = replace(item.parsed, text=PARAGRAPH_BREAK.join(rest))
        _corrected(item, op)
    else:
        items.pop(index)
    return narrative


def _to_statement(op: Op, items: list[_Item], narrative: list[ParsedNarrative]):
    p = op.params
    found = [n for n in narrative if text_hash(n.text) == p.get("narrative")]
    if not found:
        raise CorrectionError("The narrative paragraph is no longer in the release as it was.")
    moved = found[0]
    index = _find(items, p.get("anchor", ""))
    item = items[index]
    before = moved.paragraph < item.parsed.paragraph
    texts = [moved.text, item.parsed.text] if before else [item.parsed.text, moved.text]
    item.parsed = replace(item.parsed, text=PARAGRAPH_BREAK.join(texts))
    _corrected(item, op)
    return [n for n in narrative if n is not moved]


def _outcome(parsed, items, narrative, by_sequence, flagged, applied) -> Outcome:
    """Number the statements again from 1 and point summaries at their statements' new places."""
    old_to_new = {}
    for n, item in enumerate(items, start=1):
        if id(item) in by_sequence:
            old_to_new.setdefault(by_sequence[id(item)], n)
    statements, states, pins, split_parts, touched = [], {}, {}, {}, {}
    for n, item in enumerate(items, start=1):
        summary_of = item.parsed.summary_of
        statements.append(
            replace(
                item.parsed,
                sequence=n,
                summary_of=old_to_new.get(summary_of) if summary_of else None,
            )
        )
        states[n] = (item.state, item.date)
        if item.pin:
            pins[n] = item.pin
        if item.made_by is not None:
            split_parts[item.made_by] = n
        for key in item.touched_by:
            touched[key] = n
    corrected = replace(parsed, statements=tuple(statements), narrative=tuple(narrative))
    return Outcome(
        corrected, states, pins, split_parts, flagged=flagged, touched=touched, applied=applied
    )
