"""Write a parse's narrative, decisions, votes and explanations of vote for one meeting.

Called by ``statements.ingest.ingest_release`` inside its transaction, after the statements are
written. Decisions keep their ids across re-ingests, matched by what was acted on and the action.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from meetings.models import Body, Meeting
from statements.decisions.models import Decision, NarrativeParagraph, Vote, VoteExplanation
from statements.ingest.resolution import Resolver
from statements.ingest.vote_inference import complete_decision
from statements.models import Statement
from statements.parsing import ParsedDecision, ParsedRelease
from statements.parsing.vote_links import vote_links
from statements.reference import membership


def write_decisions(
    *, parsed: ParsedRelease, meeting: Meeting, resolver: Resolver
) -> dict[str, int]:
    """Replace the meeting's narrative, decisions, votes and explanation links from a parse."""
    narrative = _write_narrative(parsed, meeting)
    rows = _write_decision_rows(parsed.decisions, meeting)
    votes = _write_votes(parsed.decisions, rows, resolver)
    links = _write_explanations(parsed, rows, meeting)
    return {
        "narrative paragraphs": narrative,
        "decisions": len(rows),
        "votes": votes,
        "explanations of vote": links,
    }


def vote_warnings(parsed: ParsedRelease, resolver: Resolver) -> list[str]:
    """List vote labels no alias resolves, for the review page."""
    return [
        f"Decision {d.sequence}: the vote of '{v.delegation_label}' does not match a delegation."
        for d in parsed.decisions
        for v in d.votes
        if resolver.delegation(v.delegation_label) is None
    ]


def review_rows(*, parsed: ParsedRelease, body_name: str, day, resolver: Resolver) -> list[dict]:
    """Each parsed decision with its action and method in words and how its votes will be completed.

    For the review page: what writing the release would store for the members it does not name.
    """
    body = Body.objects.get_by_name(body_name) if body_name else None
    rows = []
    for decision in parsed.decisions:
        named = {}
        for vote in decision.votes:
            delegation = resolver.delegation(vote.delegation_label)
            named[delegation.code if delegation else f"?{vote.delegation_label}"] = vote.vote
        if body is None or day is None:
            note = "Unknown body or date: no vote is completed."
        else:
            done = complete_decision(decision, body=body.slug, on=day, named=named)
            note = f"{len(done.votes)} {done.basis}" if done.votes else done.reason or "—"
        rows.append(
            {
                "decision": decision,
                "action": Decision.Action(decision.action).label,
                "method": Decision.Method(decision.method).label if decision.method else "—",
                "completion": note,
            }
        )
    return rows


def _write_narrative(parsed: ParsedRelease, meeting: Meeting) -> int:
    """Replace the meeting's narrative paragraphs (they have no URLs of their own)."""
    kinds = set(NarrativeParagraph.Kind.values)
    starts = sorted((s.paragraph, s.sequence) for s in parsed.statements)
    NarrativeParagraph.objects.filter(meeting=meeting).delete()
    rows = NarrativeParagraph.objects.bulk_create(
        NarrativeParagraph(
            meeting=meeting,
            paragraph=paragraph,
            text=text,
            kind=kind if kind in kinds else NarrativeParagraph.Kind.OTHER,
            after_statement=_statement_before(starts, paragraph),
        )
        for paragraph, kind, text in _by_paragraph(parsed.narrative)
    )
    return len(rows)


def _by_paragraph(narrative) -> list[tuple[int, str, str]]:
    """One row per paragraph: parts the parser split off one paragraph are joined again."""
    rows: dict[int, tuple[str, list[str]]] = {}
    for item in narrative:
        rows.setdefault(item.paragraph, (item.kind, []))[1].append(item.text)
    return [(number, kind, "\n\n".join(texts)) for number, (kind, texts) in rows.items()]


def _statement_before(starts: list[tuple[int, int]], paragraph: int) -> int:
    """Return the sequence of the last statement that starts before a paragraph, else 0."""
    index = bisect.bisect_left(starts, (paragraph, 0))
    return max((sequence for _, sequence in starts[:index]), default=0)


def _key(symbols: Sequence[str], title: str, kind: str, action: str) -> tuple:
    """Identify a decision across re-ingests: its symbols and action, else its title and kind."""
    return (tuple(symbols), action) if symbols else ((), title, kind, action)


def _write_decision_rows(
    decisions: Sequence[ParsedDecision], meeting: Meeting
) -> dict[int, Decision]:
    """Create, update and delete decision rows; return them by parsed sequence."""
    existing: dict[tuple, list[Decision]] = {}
    for row in Decision.objects.filter(meeting=meeting).order_by("sequence"):
        key = _key(row.subject_symbols, row.subject_title, row.subject_kind, row.action)
        existing.setdefault(key, []).append(row)
    rows: dict[int, Decision] = {}
    for parsed in decisions:
        key = _key(
            parsed.subject_symbols, parsed.subject_title or "", parsed.subject_kind, parsed.action
        )
        matches = existing.get(key)
        row = matches.pop(0) if matches else Decision(meeting=meeting)
        _fill(row, parsed, meeting)
        row.save()
        rows[parsed.sequence] = row
    stale = [row.pk for left in existing.values() for row in left]
    Decision.objects.filter(pk__in=stale).delete()
    return rows


def _fill(row: Decision, parsed: ParsedDecision, meeting: Meeting) -> None:
    """Copy a parsed decision onto its row."""
    row.sequence = parsed.sequence
    row.paragraph = parsed.paragraph
    row.date = meeting.date
    row.subject_symbols = list(parsed.subject_symbols)
    row.subject_title = (parsed.subject_title or "")[:500]
    row.subject_kind = parsed.subject_kind
    row.action = parsed.action
    row.method = parsed.method or ""
    row.yes, row.no, row.abstain, row.absent = parsed.yes, parsed.no, parsed.abstain, parsed.absent
    row.text = parsed.text


def _write_votes(
    decisions: Sequence[ParsedDecision], rows: dict[int, Decision], resolver: Resolver
) -> int:
    """Replace every vote of the meeting's decisions: those named, then those the tally implies."""
    Vote.objects.filter(decision__in=list(rows.values())).delete()
    votes = []
    for parsed in decisions:
        row = rows[parsed.sequence]
        by_delegation: dict[object, Vote] = {}
        for item in parsed.votes:
            delegation = resolver.delegation(item.delegation_label)
            key = delegation.pk if delegation else item.delegation_label.casefold()
            by_delegation[key] = Vote(
                decision=row,
                delegation=delegation,
                delegation_label=item.delegation_label[:200],
                vote=item.vote,
                basis=Vote.Basis.RECORDED,
            )
        votes += by_delegation.values()
        votes += _completed(row, list(by_delegation.values()), resolver)
    return len(Vote.objects.bulk_create(votes, batch_size=500))


def _completed(row: Decision, named: list[Vote], resolver: Resolver) -> list[Vote]:
    """The votes of the members the release does not name, where the tally determines them."""
    if any(v.delegation is None for v in named):
        return []  # a name not resolved could be any member: nothing can be inferred
    completion = complete_decision(
        row,
        body=row.meeting.body.slug,
        on=row.date,
        named={v.delegation.code: v.vote for v in named},
    )
    return [
        Vote(
            decision=row,
            delegation=resolver.delegation(None, member.seat),
            delegation_label=member.name[:200],
            vote=vote,
            basis=completion.basis,
        )
        for member, vote in completion.votes
    ]


def _write_explanations(parsed: ParsedRelease, rows: dict[int, Decision], meeting: Meeting) -> int:
    """Link each explanation of vote to the decisions it explains (parsing.vote_links).

    On the Security Council, a State that did not sit on it that day (a host country, a State
    invited to speak) cast no vote to explain: its statement is not linked.
    """
    VoteExplanation.objects.filter(decision__meeting=meeting).delete()
    statements = {
        sequence: (pk, code)
        for sequence, pk, code in Statement.objects.filter(meeting=meeting).values_list(
            "sequence", "pk", "delegation__code"
        )
    }
    voters = _council_seats(meeting)
    explained = vote_links(
        parsed.statements,
        parsed.decisions,
        body=parsed.meeting.body,
        narrative=parsed.narrative,
    )
    links = [
        VoteExplanation(decision=rows[decision], statement_id=statements[statement][0])
        for statement, decision in explained
        if statement in statements
        and decision in rows
        and (voters is None or statements[statement][1] in voters)
    ]
    return len(VoteExplanation.objects.bulk_create(links))


def _council_seats(meeting: Meeting) -> set[str] | None:
    """The Security Council's members on the meeting's day, or None for other bodies."""
    if meeting.body.slug != membership.SECURITY_COUNCIL:
        return None
    members = membership.council_members(meeting.date)
    return {m.seat for m in members} if members is not None else None
