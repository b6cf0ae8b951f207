"""API endpoints for decisions and their votes: the /decisions/ page's filters, keyset pages."""

from __future__ import annotations

from typing import Literal

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from pydantic import create_model

from statements.decisions.exports import DECISION_FIELDS, decision_record
from statements.decisions.filters import DecisionFilter
from statements.decisions.models import Decision, Vote
from statements.publish.api.cursors import Ordering
from statements.publish.api.paging import after_cursor, next_cursor, page, reject_unknown
from statements.publish.api.problems import Problem
from statements.publish.api.schemas import Links, ListMeta, Paging, ProblemOut, Slug, object_schema

router = Router()
ORDER = Ordering("newest", ("date", "id"), descending=True)
DecisionBase = object_schema("Decision", DECISION_FIELDS, "A decision a release reports.")


class VoteOut(Schema):
    delegation_code: str | None = Field(..., description="Delegation code, when resolved.")
    delegation_label: str = Field(..., description="The delegation exactly as printed.")
    vote: Literal["in_favour", "against", "abstaining", "absent", "consensus"] = Field(
        ..., description="How it took part; consensus: joined a decision adopted without a vote."
    )
    basis: Literal["recorded", "inferred", "consensus"] = Field(
        ..., description="recorded: named in the release; inferred: from the tally and membership."
    )
    explanation_id: int | None = Field(..., description="Its explanation of vote (a statement).")


DecisionOut = create_model(
    "DecisionWithVotes",
    __base__=DecisionBase,
    votes=(
        list[VoteOut],
        Field(..., description="One vote per delegation: recorded, inferred or consensus."),
    ),
)


class DecisionPage(Schema):
    data: list[DecisionOut]  # type: ignore[valid-type]
    meta: ListMeta
    links: Links


class DecisionOne(Schema):
    data: DecisionOut  # type: ignore[valid-type]


class DecisionQuery(Paging):
    body: Slug | None = Field(None, description="Only decisions of this body (its slug).")
    year: int | None = Field(None, ge=1945, le=2100, description="Only decisions of this year.")
    action: Literal[tuple(Decision.Action.values)] | None = Field(  # type: ignore[valid-type]
        None, description="Only decisions with this outcome."
    )
    divided: bool | None = Field(None, description="Only decisions taken by a divided vote.")
    delegation: str | None = Field(
        None,
        max_length=40,
        description="Only decisions with a vote of this delegation (its code): recorded, inferred "
        "or consensus.",
    )


def _with_votes(decisions: QuerySet) -> QuerySet:
    """Prefetch each decision's votes with their delegations and explanations."""
    votes = Vote.objects.select_related("delegation").with_explanation()
    return decisions.prefetch_related(Prefetch("votes", votes.order_by("vote", "delegation_label")))


def _record(decision: Decision) -> dict:
    """A decision with its votes, one per delegation."""
    votes = [
        {
            "delegation_code": v.delegation.code if v.delegation else None,
            "delegation_label": v.delegation_label,
            "vote": v.vote,
            "basis": v.basis,
            "explanation_id": v.explanation_id,
        }
        for v in decision.votes.all()
    ]
    return {**decision_record(decision), "votes": votes}


@router.get(
    "decisions",
    response={200: DecisionPage, 400: ProblemOut},
    url_name="api-decisions-list",
    operation_id="listDecisions",
    summary="Decisions newest first, filtered like the decisions page",
    tags=["decisions"],
)
def decision_list(
    request: HttpRequest, response: HttpResponse, params: Query[DecisionQuery]
) -> dict:
    reject_unknown(request, DecisionQuery)
    found = DecisionFilter(request.GET)
    if not found.is_valid():
        name, errors = next(iter(found.errors.items()))
        raise Problem(400, "invalid_parameter", f"{name}: {errors[0]}", parameter=name)
    ordered = after_cursor(_with_votes(found.qs), params.cursor, "decisions", ORDER)
    rows = list(ordered[: params.limit + 1])
    following = next_cursor(rows, params.limit, "decisions", ORDER, ORDER.values_of)
    data = [_record(d) for d in rows[: params.limit]]
    meta = {"limit": params.limit, "sort": ORDER.name}
    return page(request, response, data=data, next_cursor=following, meta=meta)


@router.get(
    "decisions/{int:pk}",
    response={200: DecisionOne, 400: ProblemOut, 404: ProblemOut},
    url_name="api-decisions-detail",
    operation_id="getDecision",
    summary="One decision with its votes",
    tags=["decisions"],
)
def decision_detail(request: HttpRequest, pk: int) -> dict:
    reject_unknown(request)
    decision = _with_votes(Decision.objects.with_related()).filter(pk=pk).first()
    if decision is None:
        raise Problem(404, "not_found", f"There is no decision {pk}.")
    return {"data": _record(decision)}
