"""Decisions, votes, narrative paragraphs and explanation links as export and dump tables.

One definition of each table's fields serves the votes export, the full dump and the data
dictionary, so their names agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from config import public_urls
from statements.decisions.models import Decision, NarrativeParagraph, Vote, VoteExplanation
from statements.publish.exports.fields import Field, field_def


@dataclass(frozen=True)
class DecisionTable:
    """A table of decision data: its fields, its rows for the dump, its rows for a filter."""

    name: str
    description: str
    fields: tuple[Field, ...]
    queryset: Callable[[], QuerySet]
    for_decisions: Callable[[QuerySet], QuerySet]
    record: Callable[[Any], dict]


def _meeting_url(meeting_id: int, anchor: str = "") -> str:
    return (
        public_urls.absolute_url(reverse("statements:meeting-detail", args=[meeting_id])) + anchor
    )


_MEETING_FIELDS = (
    field_def("date", "date", "Date of the meeting (YYYY-MM-DD)."),
    field_def("body", "string", "UN body that met, e.g. Security Council."),
    field_def("body_slug", "string", "Stable key of the body, e.g. security-council."),
    field_def("meeting_id", "integer", "Id of the meeting (see meetings)."),
)
DECISION_FIELDS: tuple[Field, ...] = (
    field_def("id", "integer", "Stable decision id; it survives a re-import of the release."),
    field_def("permalink", "url", "The decision on its meeting page."),
    *_MEETING_FIELDS,
    field_def("session", "integer", "Session number, when known.", nullable=True),
    field_def("release_symbol", "string", "Press release symbol, e.g. SC/15907."),
    field_def(
        "official_records",
        "string",
        "Official record symbol(s) of the meeting, e.g. S/PV.9616 or A/76/PV.38.",
        many=True,
    ),
    field_def("sequence", "integer", "Order of the decision within the release, from 1."),
    field_def("paragraph", "integer", "Release paragraph that reports it."),
    field_def(
        "subject_symbols",
        "string",
        "Symbols of what was acted on as printed: A/C.3/78/L.12, resolution 2371 (2017).",
        many=True,
    ),
    field_def("subject_title", "string", "Title of what was acted on, or 'the amendment'."),
    field_def("subject_kind", "string", "draft_resolution, resolution, amendment, paragraph..."),
    field_def(
        "action",
        "string",
        "adopted, approved, rejected, failed_veto (failed: veto), withdrawn, deferred.",
    ),
    field_def(
        "method", "string", "without_vote, consensus, unanimous, recorded, non_recorded or empty."
    ),
    field_def("yes", "integer", "Votes in favour, as printed.", nullable=True),
    field_def("no", "integer", "Votes against, as printed.", nullable=True),
    field_def("abstain", "integer", "Abstentions, as printed.", nullable=True),
    field_def("absent", "integer", "Delegations listed absent.", nullable=True),
    field_def("text", "string", "The sentence that reports the decision, as printed."),
)
VOTE_FIELDS: tuple[Field, ...] = (
    field_def("decision_id", "integer", "Id of the decision (see decisions)."),
    *_MEETING_FIELDS,
    field_def("subject", "string", "What was acted on: its symbols, else its title."),
    field_def("action", "string", "The decision's outcome (see decisions)."),
    field_def("delegation", "string", "Delegation, by its UN short name.", nullable=True),
    field_def(
        "delegation_code",
        "string",
        "ISO 3166-1 alpha-3 for States, a code otherwise.",
        nullable=True,
    ),
    field_def("delegation_label", "string", "Delegation exactly as printed in the vote."),
    field_def(
        "vote",
        "string",
        "in_favour, against, abstaining, absent, or consensus (joined a decision adopted without "
        "a vote: not a vote in favour).",
    ),
    field_def(
        "basis",
        "string",
        "recorded (named in the release), inferred (follows from the tally and the body's "
        "membership that day) or consensus (adopted without a vote).",
    ),
    field_def(
        "explanation_id",
        "integer",
        "Id of the delegation's explanation of vote (see statements).",
        nullable=True,
    ),
)
NARRATIVE_FIELDS: tuple[Field, ...] = (
    field_def("meeting_id", "integer", "Id of the meeting (see meetings)."),
    field_def("paragraph", "integer", "Position in the release, numbered like statements."),
    field_def("after_statement", "integer", "Sequence of the statement it follows (0: none)."),
    field_def(
        "kind",
        "string",
        "summary, action, vote, procedural (speakers lists, times) or other (headings, texts).",
    ),
    field_def("text", "string", "The paragraph as printed."),
)
EXPLANATION_FIELDS: tuple[Field, ...] = (
    field_def("decision_id", "integer", "Id of the decision (see decisions)."),
    field_def("statement_id", "integer", "Id of the statement that explains it."),
)


def decision_record(d: Decision) -> dict:
    """One decision as an export row."""
    meeting = d.meeting
    return {
        "id": d.pk,
        "permalink": _meeting_url(meeting.pk, f"#decision-{d.sequence}"),
        "date": d.date,
        "body": meeting.body.name,
        "body_slug": meeting.body.slug,
        "meeting_id": meeting.pk,
        "session": meeting.session,
        "release_symbol": meeting.release.symbol,
        "official_records": [symbol for symbol, _ in meeting.official_records],
        **{name: getattr(d, name) for name in ("sequence", "paragraph", "subject_symbols")},
        **{name: getattr(d, name) for name in ("subject_title", "subject_kind", "action")},
        **{name: getattr(d, name) for name in ("method", "yes", "no", "abstain", "absent")},
        "text": d.text,
    }


def vote_record(v: Vote) -> dict:
    """One delegation's vote on one decision as an export row."""
    decision, delegation = v.decision, v.delegation
    return {
        "decision_id": decision.pk,
        "date": decision.date,
        "body": decision.meeting.body.name,
        "body_slug": decision.meeting.body.slug,
        "meeting_id": decision.meeting_id,
        "subject": decision.subject,
        "action": decision.action,
        "delegation": delegation.name if delegation else None,
        "delegation_code": delegation.code if delegation else None,
        "delegation_label": v.delegation_label,
        "vote": v.vote,
        "basis": v.basis,
        "explanation_id": getattr(v, "explanation_id", None),
    }


def _votes(decisions: QuerySet | None = None) -> QuerySet:
    votes = Vote.objects.select_related("decision__meeting__body", "delegation").with_explanation()
    if decisions is not None:
        votes = votes.on_decisions(decisions)
    return votes.order_by("-decision__date", "decision_id", "vote", "delegation_label")


def _decisions() -> QuerySet:
    return Decision.objects.with_related()


DECISION_TABLE = DecisionTable(
    "decisions",
    "One row per decision a release reports: what was acted on, the outcome, how, the tallies.",
    DECISION_FIELDS,
    _decisions,
    lambda decisions: decisions,
    decision_record,
)
VOTE_TABLE = DecisionTable(
    "votes",
    "One row per delegation and decision: how it voted (recorded, inferred or consensus), with "
    "its explanation of vote if any.",
    VOTE_FIELDS,
    _votes,
    _votes,
    vote_record,
)
NARRATIVE_TABLE = DecisionTable(
    "narrative",
    "The release paragraphs that are not statements (summaries, actions, vote lists, times).",
    NARRATIVE_FIELDS,
    NarrativeParagraph.objects.all,
    lambda decisions: NarrativeParagraph.objects.filter(meeting__decisions__in=decisions),
    lambda p: {f.name: getattr(p, f.name) for f in NARRATIVE_FIELDS},
)
EXPLANATION_TABLE = DecisionTable(
    "vote_explanations",
    "Links from a decision to the statements that explain a vote or position on it.",
    EXPLANATION_FIELDS,
    VoteExplanation.objects.all,
    lambda decisions: VoteExplanation.objects.filter(decision__in=decisions),
    lambda e: {"decision_id": e.decision_id, "statement_id": e.statement_id},
)
DUMP_TABLES: dict[str, DecisionTable] = {
    t.name: t for t in (DECISION_TABLE, VOTE_TABLE, NARRATIVE_TABLE, EXPLANATION_TABLE)
}
