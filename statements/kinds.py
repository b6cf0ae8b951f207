"""The kinds of delegation and of statement, with their labels: the one definition of each.

The parser and the reference data (pure Python, no Django) read these tables; the models build
their choices from them (``Delegation.Kind``, ``Statement.Kind``), and the filters, the API, the
exports and the citations take values and labels from the models' choices or from here.
"""

from __future__ import annotations

from dataclasses import dataclass

DELEGATION_KINDS: dict[str, str] = {
    "member_state": "Member State",
    "observer_state": "Observer State",
    "igo": "Intergovernmental organization",
    "group": "Group of States",
    "un_entity": "UN official or body",
    "civil_society": "Civil society",
    "other": "Other",
}
STATE_KINDS: frozenset[str] = frozenset({"member_state", "observer_state"})


@dataclass(frozen=True)
class StatementKind:
    label: str  # in lists, badges and filters
    title: str  # how a citation names it: "<title> by Jane Doe (Norway) to the General Assembly"


STATEMENT_KINDS: dict[str, StatementKind] = {
    "statement": StatementKind("Statement", "Statement"),
    "right_of_reply": StatementKind("Right of reply", "Right of reply"),
    "summary": StatementKind("Summary (lead paragraph)", "Summary of a statement"),
    "briefing": StatementKind("Briefing", "Briefing"),
    "point_of_order": StatementKind("Point of order", "Point of order"),
}


def choices(labels: dict[str, str]) -> list[tuple[str, tuple[str, str]]]:
    """Members for a TextChoices built from a table: ("MEMBER_STATE", ("member_state", label))."""
    return [(value.upper(), (value, label)) for value, label in labels.items()]


def in_words(values) -> str:
    """'a, b or c', for documentation of a field."""
    values = list(values)
    return ", ".join(values[:-1]) + " or " + values[-1] if len(values) > 1 else "".join(values)
