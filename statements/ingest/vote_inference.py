"""Complete a decision's votes from its tally and who sat on the body that day.

A release names some members' votes. Where the method or the tally and the membership leave only
one possibility for every other member, their votes follow: a unanimous Council vote, a tally whose
named members account for every vote but one kind ("12 in favour to 2 against (A, B), with
1 abstention (C)" on a 15-member Council). Those votes are marked *inferred*. A decision adopted
without a vote or by consensus gives every member the mark *joined the consensus*, never a vote in
favour. Where the tally leaves a choice (members absent or not voting, unnamed members in two
columns, a body whose membership is not compiled) nothing is inferred and ``completion`` says why.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from statements.reference import membership

IN_FAVOUR, AGAINST, ABSTAINING, CONSENSUS = "in_favour", "against", "abstaining", "consensus"
_CONSENSUS_METHODS = frozenset({"without_vote", "consensus"})
_TAKEN = frozenset({"adopted", "approved"})


@dataclass(frozen=True)
class Completion:
    """The votes a tally implies for the members a release does not name, or why there are none."""

    votes: tuple[tuple[membership.Member, str], ...]
    basis: str  # "inferred", "consensus", or "" when nothing is inferred
    reason: str  # why nothing is inferred ("" when votes were inferred, or all were named)


def complete(
    *,
    body: str,
    on: datetime.date,
    action: str,
    method: str | None,
    yes: int | None,
    no: int | None,
    abstain: int | None,
    named: Mapping[str, str],
) -> Completion:
    """Return the votes of the members ``named`` (seat -> vote) leaves out, when determined."""
    members = membership.members(body, on)
    if members is None:
        return _none(membership.unknown(body, on))
    seats = {m.seat for m in members}
    if set(named) - seats:
        return _none("A delegation the release names is not a member of the body on that day.")
    rest = tuple(m for m in members if m.seat not in named)
    if method in _CONSENSUS_METHODS:
        if action not in _TAKEN:
            return _none("Nothing was adopted, so there is no consensus to join.")
        return Completion(tuple((m, CONSENSUS) for m in rest), "consensus", "")
    counts = _counts(yes, no, abstain, method, body, len(members))
    if counts is None:
        return _none(_why_open(yes, no, abstain, method, len(members)))
    remaining = {vote: counts[vote] - sum(v == vote for v in named.values()) for vote in counts}
    if any(n < 0 for n in remaining.values()):
        return _none("The release names more members in a column than its tally counts.")
    open_columns = [vote for vote, n in remaining.items() if n > 0]
    if not rest:
        return _none("")
    if len(open_columns) != 1 or remaining[open_columns[0]] != len(rest):
        return _none("The tally leaves unnamed members in more than one column.")
    return Completion(tuple((m, open_columns[0]) for m in rest), "inferred", "")


def complete_decision(
    decision: object, *, body: str, on: datetime.date, named: Mapping[str, str]
) -> Completion:
    """``complete`` for anything with a decision's action, method and tallies (parsed or stored)."""
    return complete(
        body=body,
        on=on,
        action=decision.action,
        method=decision.method or None,
        yes=decision.yes,
        no=decision.no,
        abstain=decision.abstain,
        named=named,
    )


def _counts(
    yes: int | None,
    no: int | None,
    abstain: int | None,
    method: str | None,
    body: str,
    size: int,
) -> dict[str, int] | None:
    """Return every column's count when the tally accounts for every member, else None."""
    if yes is None and method == "unanimous" and body == membership.SECURITY_COUNCIL:
        # The Council's "unanimously" is every member in favour; the Assembly's leaves absences.
        return {IN_FAVOUR: size, AGAINST: 0, ABSTAINING: 0}
    if yes is None:
        return None
    counts = {IN_FAVOUR: yes, AGAINST: no or 0, ABSTAINING: abstain or 0}
    return counts if sum(counts.values()) == size else None


def _why_open(
    yes: int | None, no: int | None, abstain: int | None, method: str | None, size: int
) -> str:
    """Say why a tally does not give every member's vote."""
    if yes is None:
        if method == "unanimous":
            return "“Unanimously” in this body does not say which members were present."
        return "The release prints no tally."
    counted = yes + (no or 0) + (abstain or 0)
    return (
        f"The tally counts {counted} of the {size} members: those absent or not voting are "
        "not named, so the others' votes are not known."
    )


def _none(reason: str) -> Completion:
    return Completion((), "", reason)
