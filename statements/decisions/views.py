"""The decisions list with its facets, a delegation's voting record, and the votes export."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.db.models.functions import ExtractYear
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from config.public_urls import in_request_context
from statements.decisions.exports import DECISION_TABLE, VOTE_TABLE
from statements.decisions.filters import ACTIONS, DecisionFilter, facet_counts
from statements.decisions.models import Decision, Vote, VoteExplanation
from statements.ingest.vote_inference import complete_decision
from statements.publish.exports.records import record_csv_chunks, record_jsonl_chunks
from statements.publish.exports.streaming import FORMATS, ensure_database

RECORD_LIMIT = 200
BASIS_WORDS = {"recorded": "recorded", "inferred": "inferred", "consensus": "consensus"}


def decision_list(request: HttpRequest) -> HttpResponse:
    """Decisions newest first, with body, year, action and divided-vote facets, 50 a page."""
    found = DecisionFilter(request.GET)
    decisions = found.valid_qs
    page = Paginator(decisions, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "facets": facet_counts(decisions),
        "actions": dict(ACTIONS),
        "chosen": {k: request.GET.get(k, "") for k in ("body", "year", "action", "divided")},
        "query": request.GET.urlencode(),
        "total": page.paginator.count,
    }
    return render(request, "statements/decision_list.html", context)


def meeting_decisions(meeting) -> list[Decision]:
    """The meeting's decisions in order, with votes grouped by choice and explanations."""
    decisions = list(
        meeting.decisions.order_by("sequence").prefetch_related(
            Prefetch("votes", Vote.objects.select_related("delegation")),
            Prefetch(
                "explanations",
                VoteExplanation.objects.select_related("statement__delegation").order_by(
                    "statement__sequence"
                ),
            ),
        )
    )
    for decision in decisions:
        decision.meeting = meeting  # reuse the loaded meeting and body for document links
        decision.vote_groups = [
            (label, [v for v in decision.votes.all() if v.vote == value])
            for value, label in Vote.Choice.choices
        ]
        decision.completion_note = completion_note(decision)
    return decisions


def completion_note(decision: Decision) -> str:
    """Say how the votes were completed, or why the members not named have no vote."""
    votes = list(decision.votes.all())
    bases = {v.basis for v in votes}
    if Vote.Basis.INFERRED in bases:
        return "Votes marked “inferred” follow from the tally and the body’s membership that day."
    if Vote.Basis.CONSENSUS in bases:
        return (
            "Adopted without a vote: every member is shown as joining the consensus, "
            "not as voting in favour."
        )
    named = {v.delegation.code: v.vote for v in votes if v.delegation}
    body = decision.meeting.body.slug
    return complete_decision(decision, body=body, on=decision.date, named=named).reason


def voting_record(delegation, params) -> dict:
    """Every decision taken while the delegation sat on the body, with how it took part."""
    record = Decision.objects.record_of(delegation)
    body, year = params.get("vote_body", ""), params.get("vote_year", "")
    chosen = record.narrowed_to(body=body, year=year)
    rows = list(chosen[:RECORD_LIMIT])
    for decision in rows:
        decision.member_vote_label = member_vote_label(decision.member_vote)
        decision.member_basis_label = BASIS_WORDS.get(decision.member_basis, "")
    plain = record.order_by()
    return {
        "record": rows,
        "vote_total": chosen.count(),
        "vote_bodies": list(
            plain.values("meeting__body__slug", "meeting__body__name")
            .annotate(n=Count("id"))
            .order_by("meeting__body__name")
        ),
        "vote_years": list(
            plain.annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(n=Count("id"))
            .order_by("-year")
        ),
        "vote_body": body,
        "vote_year": year,
    }


def member_vote_label(vote: str | None) -> str:
    """How a member took part, in words; "not known" when the release does not say."""
    return dict(Vote.Choice.choices).get(vote, "Not known") if vote else "Not known"


@require_safe
def export_votes(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """The decisions the list finds, or their votes (one row per delegation and decision)."""
    decisions = DecisionFilter(request.GET).valid_qs
    spec = VOTE_TABLE if table == "votes" else DECISION_TABLE
    records = map(spec.record, spec.for_decisions(decisions).iterator(chunk_size=2000))
    if fmt == "csv":
        chunks = record_csv_chunks(spec.fields, records)
    else:
        chunks = record_jsonl_chunks(records)
    ensure_database()  # a database that is down: the 503 page, before the first byte
    response = StreamingHttpResponse(in_request_context(chunks), content_type=FORMATS[fmt])
    filename = f"un-{spec.name}-{timezone.now():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
