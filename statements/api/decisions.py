"""API endpoints for decisions and their votes (kept apart: the API is being rebuilt)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse

from statements.api.http import ApiError, absolute, api_view, json_response
from statements.decision_exports import decision_record
from statements.decision_filters import DecisionFilter
from statements.models import Decision, Vote

PAGE_SIZE = 100


def _with_votes(decisions):
    """Prefetch each decision's votes with their delegations and explanations."""
    votes = Vote.objects.select_related("delegation").with_explanation()
    return decisions.defer("meeting__release__source").prefetch_related(
        Prefetch("votes", votes.order_by("vote", "delegation_label"))
    )


def _record(decision: Decision) -> dict:
    """A decision with its votes, one per delegation."""
    votes = [
        {
            "delegation_code": v.delegation.code if v.delegation else None,
            "delegation_label": v.delegation_label,
            "vote": v.vote,
            "explanation_id": v.explanation_id,
        }
        for v in decision.votes.all()
    ]
    return {**decision_record(decision), "votes": votes}


@api_view
def decision_list(request: HttpRequest) -> HttpResponse:
    """Decisions newest first, filtered like the /decisions/ page."""
    found = DecisionFilter(request.GET)
    if not found.is_valid():
        raise ApiError(400, "invalid_parameter", str(dict(found.errors)))
    page = Paginator(_with_votes(found.qs), PAGE_SIZE).get_page(request.GET.get("page"))
    following = None
    if page.has_next():
        query = request.GET.copy()
        query["page"] = str(page.next_page_number())
        following = absolute(request.path, query)
    meta = {"count": page.paginator.count, "page": page.number}
    links = {"self": absolute(request.path, request.GET), "next": following}
    return json_response({"data": [_record(d) for d in page], "meta": meta, "links": links})


@api_view
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One decision with its votes."""
    decision = _with_votes(Decision.objects.with_related()).filter(pk=pk).first()
    if decision is None:
        raise ApiError(404, "not_found", f"No decision with id {pk}.")
    return json_response(_record(decision))
