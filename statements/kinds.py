"""The kinds of delegation and of statement, with their labels: the one definition of each.

The parser and the reference data (pure Python, no Django) read these tables; the models build
their choices from them (``Delegation.Kind``, ``Statement.Kind``), and the filters, the API, the
exports and the citations take values and labels from the models' choices or from here.
"""

from __future__ import annotations

from dataclasses import dataclass


def gettext_noop(message: str) -> str:
    """Mark a label for the translation catalogue without Django (makemessages finds the name);
    the models translate it when shown."""
    return message


DELEGATION_KINDS: dict[str, str] = {
    "member_state": gettext_noop("Member State"),
    "observer_state": gettext_noop("Observer State"),
    "igo": gettext_noop("Intergovernmental organization"),
    "group": gettext_noop("Group of States"),
    "un_entity": gettext_noop("UN official or body"),
    "civil_society": gettext_noop("Civil society"),
    "other": gettext_noop("Other"),
}
STATE_KINDS: frozenset[str] = frozenset({"member_state", "observer_state"})


@dataclass(frozen=True)
class StatementKind:
    label: str  # in lists, badges and filters
    title: str  # how a citation names it: "<title> by Jane Doe (Norway) to the General Assembly"


STATEMENT_KINDS: dict[str, StatementKind] = {
    "statement": StatementKind(gettext_noop("Statement"), "Statement"),
    "right_of_reply": StatementKind(gettext_noop("Right of reply"), "Right of reply"),
    "summary": StatementKind(gettext_noop("Summary (lead paragraph)"), "Summary of a statement"),
    "briefing": StatementKind(gettext_noop("Briefing"), "Briefing"),
    "point_of_order": StatementKind(gettext_noop("Point of order"), "Point of order"),
}


def choices(labels: dict[str, str]) -> list[tuple[str, tuple[str, str]]]:
    """Members for a TextChoices built from a table: ("MEMBER_STATE", ("member_state", label))."""
    return [(value.upper(), (value, label)) for value, label in labels.items()]


def in_words(values) -> str:
    """'a, b or c', for documentation of a field."""
    values = list(values)
    return ", ".join(values[:-1]) + " or " + values[-1] if len(values) > 1 else "".join(values)
