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
from statements.decisions.filters import (
    ACTIONS,
    DecisionFilter,
    facet_counts,
    vote_record_filters,
)
from statements.decisions.models import Decision, Vote, VoteExplanation
from statements.publish.exports import (
    FORMATS,
    ensure_database,
    record_csv_chunks,
    record_jsonl_chunks,
)

RECORD_LIMIT = 200


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
    return decisions


def voting_record(delegation, params) -> dict:
    """A delegation's votes, newest first, with its explanation of each, by body and year."""
    votes = Vote.objects.for_delegation(delegation)
    body, year = params.get("vote_body", ""), params.get("vote_year", "")
    chosen = vote_record_filters(votes, body=body, year=year)
    return {
        "votes": list(chosen.with_explanation().record()[:RECORD_LIMIT]),
        "vote_total": chosen.count(),
        "vote_bodies": list(
            votes.values("decision__meeting__body__slug", "decision__meeting__body__name")
            .annotate(n=Count("id"))
            .order_by("decision__meeting__body__name")
        ),
        "vote_years": list(
            votes.annotate(year=ExtractYear("decision__date"))
            .values("year")
            .annotate(n=Count("id"))
            .order_by("-year")
        ),
        "vote_body": body,
        "vote_year": year,
    }


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
