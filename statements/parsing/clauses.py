"""Read the comma-separated clauses that follow a speaker: title, on behalf of, aligned with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statements.parsing.delegations import clean_label, resolve
from statements.reference import DelegationRef

_ON_BEHALF = re.compile(
    r"^(?:also\s+)?(?:(?:speaking|spoke)\s+(?:also\s+)?(?:on\s+behalf\s+of|for)|on\s+behalf\s+of)"
    r"\s+(?P<x>.+)$",
    re.IGNORECASE,
)
_ALIGNED = re.compile(
    r"^(?:also\s+)?(?:associating|aligning)\s+(?:himself|herself|itself|themselves|"
    r"(?:his|her|its|their)\s+(?:delegation|country|Government))\s+with\s+"
    r"(?:the\s+statements?\s+(?:made|delivered|to\s+be\s+delivered)\s+(?:by|on\s+behalf\s+of)\s+)?"
    r"(?P<x>.+)$",
    re.IGNORECASE,
)
_OBSERVER = re.compile(r"^(?:Permanent\s+)?[Oo]bserver\s+(?:for|of)\s+(?P<x>.+)$")
_CAPACITY = re.compile(r"^(?:also\s+)?(?:speaking|spoke|speaks)\s+(?:in|as)\s+", re.IGNORECASE)
_REPLY = re.compile(
    r"^(?:also\s+)?(?:speaking\s+)?(?:in\s+(?:the\s+)?exercise\s+of|exercising|in|on)\s+"
    r"(?:the\s+|his\s+|her\s+|its\s+|their\s+|a\s+)?(?:second\s+)?right\s+of\s+reply\b",
    re.IGNORECASE,
)
_POINT_OF_ORDER = re.compile(
    r"^(?:also\s+)?(?:speaking\s+on|on|raising|rising\s+on|rising\s+to)\s+a\s+point\s+of\s+order",
    re.IGNORECASE,
)
_BRIEFING = re.compile(r"^(?:also\s+)?(?:briefing|briefed)\b", re.IGNORECASE)
# Where a role is held, after the delegation: "to the United Nations (Office) in Geneva",
# "auprès de l’ONU", "auprès des Nations Unies à Genève", "à l’UNESCO".
POSTED_AT = (
    r"\s+(?:(?:to|at|in)\s+the\s+United\s+Nations(?:\s+(?:Office\s+)?(?:in|at)\s+[A-Z]\w+)?|"
    r"(?:à\s+|auprès\s+(?:de\s+)?)(?:l[’']|la\s+|le\s+|les\s+|des\s+)?(?:ONU|UNESCO|Organisation\s+"
    r"des\s+Nations\s+Unies|Nations\s+Unies|Office\s+des\s+Nations\s+Unies)(?:\s+à\s+[A-Z]\w+)?)"
)
_TO_THE_UN = re.compile(POSTED_AT + "$")
# Where a title may end and its country start: "of" in English, "de", "du", "des", "de la",
# "de l’", "d’" in French ("Secrétaire permanent au Ministère de la famille de Malte").
_TITLE_SPLIT = re.compile(r"\s+(?:of|de\s+la|de\s+l[’']|de|du|des)\s*(?<=\s|[’'])|\s+d[’']")
# Two titles held together: "Vice-President of Peru and Minister of Social Development".
_TWO_TITLES = re.compile(r"\s+(?:et|and)\s+(?=[A-ZÉ])")
_PERSON_NAME = re.compile(r"^(?:[A-Z][\w'’.\-]+\s+){1,4}[A-Z][\w'’\-]+$")
_CLAUSE_SPLIT = re.compile(r",\s+")
# A presiding office, capitalized or not ("the outgoing chair of the Council’s ... Committee").
OFFICE = r"(?:[Vv]ice[-\s])?(?:[Pp]resident|[Cc]hair(?:man|woman|person)?|[Rr]apporteur)"
_OFFICE_IN_LOWER_CASE = re.compile(
    rf"the\s+(?:(?:outgoing|incoming|current|new|former|acting)\s+)?{OFFICE}\s+of\s"
)
_FRENCH_TITLE_GOES_ON = re.compile(r"(?:de|du|des|et|d[’'])\s*(?<=\s|[’'])(?!(?:qui|que)\b)")
# Bounds that keep reading linear: a speaker's clauses (title, on behalf of ...) number a handful
# and a delegation label is short, so longer runs are the spoken part, never more title.
MAX_CLAUSES = 12
MAX_LABEL_CHARS = 160


# Built hundreds of times a parse: not frozen, as a frozen dataclass sets each field through
# object.__setattr__ (issue #21). Nothing changes one once built.
@dataclass
class Clauses:
    """What the clauses after a speaker's name say about the speaker."""

    title: str | None = None
    label: str | None = None
    ref: DelegationRef | None = None
    on_behalf_of: str | None = None
    aligned_with: str | None = None
    kind_hint: str | None = None
    count: int = 0
    national: bool = False


def _with(state: Clauses, **changes: object) -> Clauses:
    """What dataclasses.replace gives, without its field-by-field checks: every field of
    Clauses is an init field (a speaker's clauses are read on every named paragraph)."""
    return Clauses(**{**state.__dict__, **changes})


def split_title(chunk: str) -> tuple[str, str | None, DelegationRef | None]:
    """Split "Minister for X of Country" into title and country; the country may be None."""
    chunk = chunk.strip()
    offset = max(0, len(chunk) - MAX_LABEL_CHARS)  # only a short tail can name a delegation
    chunk = chunk[:offset] + _TO_THE_UN.sub("", chunk[offset:])
    for match in _TITLE_SPLIT.finditer(chunk, offset):
        rest = chunk[match.end() :]
        ref = resolve(rest)
        if ref:
            return chunk[: match.start()].strip(), clean_label(rest), ref
    for joined in _TWO_TITLES.finditer(chunk):
        # "Première Vice-Présidente de la République du Pérou et Ministre du développement":
        # the country ends the first of two titles
        _, label, ref = split_title(chunk[: joined.start()])
        if ref is not None and ref.kind != "un_entity":
            return chunk, label, ref
    # "President of the General Assembly" is itself a delegation
    whole = resolve(chunk) if len(chunk) <= MAX_LABEL_CHARS else None
    if whole is not None and whole.kind == "un_entity":
        return chunk, chunk, whole
    return chunk, None, None


def read_clauses(text: str) -> Clauses:
    """Read the clauses at the start of `text` (after a name), stopping at the spoken part."""
    state = Clauses()
    person_pending = False
    for number, chunk in enumerate(_CLAUSE_SPLIT.split(text.strip(), maxsplit=MAX_CLAUSES)):
        if number == MAX_CLAUSES:
            break
        chunk = chunk.strip().rstrip(",")
        updated, person_pending = _read_chunk(chunk, state, person_pending)
        if updated is None:
            break
        state = _with(updated, count=state.count + 1)
    return state


def _read_chunk(chunk: str, state: Clauses, person_pending: bool) -> tuple[Clauses | None, bool]:
    """Apply one clause to the state; None when the clause is already the spoken part."""
    if person_pending and chunk[:1].isupper():
        title, label, ref = split_title(chunk)
        on_behalf = f"{state.on_behalf_of}, {chunk}"
        if state.label is None and ref is not None:
            return _with(state, on_behalf_of=on_behalf, label=label, ref=ref), False
        return _with(state, on_behalf_of=on_behalf), False
    for pattern, handler in _CLAUSE_HANDLERS:
        match = pattern.search(chunk)
        if match:
            return handler(match, state)
    if chunk[:1].isupper() and any(c.islower() for c in chunk):
        return _title_clause(chunk, state), False
    if _OFFICE_IN_LOWER_CASE.match(chunk):
        # "NAME (United Kingdom), the outgoing chair of the Council’s Counter-Terrorism Committee"
        return _title_clause(chunk, state), False
    if state.title and state.ref is None and _FRENCH_TITLE_GOES_ON.match(chunk):
        # "Ministère de l’éducation, de l’emploi et de la famille de Malte": French ministries
        # and offices are not capitalized after their first word
        return _title_clause(chunk, state), False
    return None, False


def _on_behalf(match: re.Match[str], state: Clauses) -> tuple[Clauses, bool]:
    """Record "speaking on behalf of X"; a person's title may follow as the next clause."""
    who = clean_label(match.group("x"))
    is_person = bool(_PERSON_NAME.match(who)) and resolve(who) is None
    return _with(state, on_behalf_of=who), is_person


def _aligned(match: re.Match[str], state: Clauses) -> tuple[Clauses, bool]:
    """Record "associating himself with X"."""
    return _with(state, aligned_with=clean_label(match.group("x"))), False


def _observer(match: re.Match[str], state: Clauses) -> tuple[Clauses, bool]:
    """Record "observer for X" as the delegation."""
    label = clean_label(match.group("x"))
    return _with(state, label=label, ref=resolve(label)), False


def _reply(match: re.Match[str], state: Clauses) -> tuple[Clauses, bool]:
    """Mark the intervention as a right of reply."""
    return _with(state, kind_hint="right_of_reply"), False


def _point_of_order(match: re.Match[str], state: Clauses) -> tuple[Clauses, bool]:
    """Mark the intervention as a point of order."""
    return _with(state, kind_hint="point_of_order"), False


def _capacity(match: re.Match[str], state: Clauses) -> tuple[Clauses, bool]:
    """Record "speaking in her national capacity" (a presiding officer speaking for a country)."""
    return _with(state, national=True), False


_CLAUSE_HANDLERS = (
    (_REPLY, _reply),
    (_POINT_OF_ORDER, _point_of_order),
    (_ALIGNED, _aligned),
    (_ON_BEHALF, _on_behalf),
    (_OBSERVER, _observer),
    (_CAPACITY, _capacity),
)


def _title_clause(chunk: str, state: Clauses) -> Clauses:
    """Record a title clause, taking the country from "... of Country" when it resolves."""
    title = f"{state.title}, {chunk}" if state.title else chunk
    split, label, ref = split_title(title)
    if ref is None:
        return _with(state, title=title)
    if state.label is None:
        return _with(state, title=split or None, label=label, ref=ref)
    return _with(state, title=title)
