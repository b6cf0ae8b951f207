"""The API's alignment resources (/api/v1/alignment/...): the pages' records as JSON."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from statements.alignment import params, positions, reports, words
from statements.publish.api.paging import reject_unknown
from statements.publish.api.problems import Problem
from statements.publish.api.schemas import ProblemOut

router = Router(tags=["alignment"])


class Scope(Schema):
    body: str | None = Field(None, max_length=80, description="Only decisions of this body (slug).")
    year_from: int | None = Field(None, ge=1945, le=2100, description="From this year.")
    year_to: int | None = Field(None, ge=1945, le=2100, description="To this year.")
    theme: str | None = Field(None, max_length=80, description="Meetings on this theme (slug).")
    subject: str | None = Field(
        None, max_length=200, description="Words of the decision's subject."
    )
    basis: Literal["votes", "recorded", "inferred"] | None = Field(
        None,
        description="Which votes a ranking or a cell uses (default both recorded and inferred).",
    )
    count: Literal["half", "distinct"] | None = Field(
        None, description="Abstention as half agreement (default) or as a distinct position."
    )


class PairQuery(Scope):
    delegation: list[str] = Field(..., description="Two to eight delegation codes.")


class MatrixQuery(Scope):
    delegation: list[str] = Field([], description="Delegation codes (or use group).")
    group: str | None = Field(None, max_length=100, description="region:NAME or council:YEAR.")


class AlikeQuery(Scope):
    delegation: list[str] = Field(..., description="One delegation code.")
    min_decisions: int | None = Field(None, ge=1, le=10000, description="Fewest shared decisions.")


class SideQuery(Scope):
    delegation: list[str] = Field(..., description="Two to four delegation codes.")
    q: str | None = Field(None, max_length=300, description="Full-text query.")


class WordsQuery(Scope):
    delegation: list[str] = Field(..., description="One delegation code.")


def _answer(request: HttpRequest, schema: type[Schema], build) -> dict[str, Any]:
    reject_unknown(request, schema)
    try:
        return {"data": build(request.GET)}
    except params.BadRequest as error:
        raise Problem(400, "invalid_parameter", error.message, parameter=error.parameter) from None


RESPONSES = {200: dict[str, Any], 400: ProblemOut}


@router.get(
    "alignment/pair",
    response=RESPONSES,
    url_name="api-alignment-pair",
    operation_id="getAlignment",
    summary="Agreement between two to eight delegations",
)
def pair(request: HttpRequest, query: Query[PairQuery]) -> dict:
    return _answer(request, PairQuery, reports.pair)


@router.get(
    "alignment/matrix",
    response=RESPONSES,
    url_name="api-alignment-matrix",
    operation_id="getAlignmentMatrix",
    summary="Agreement among a group, every pair",
)
def matrix(request: HttpRequest, query: Query[MatrixQuery]) -> dict:
    return _answer(request, MatrixQuery, reports.matrix)


@router.get(
    "alignment/alike",
    response=RESPONSES,
    url_name="api-alignment-alike",
    operation_id="getAlignmentAlike",
    summary="A delegation's most and least alike",
)
def alike(request: HttpRequest, query: Query[AlikeQuery]) -> dict:
    return _answer(request, AlikeQuery, reports.alike)


@router.get(
    "alignment/side-by-side",
    response=RESPONSES,
    url_name="api-alignment-side-by-side",
    operation_id="getPositionsSideBySide",
    summary="Statements and votes side by side",
)
def side_by_side(request: HttpRequest, query: Query[SideQuery]) -> dict:
    return _answer(request, SideQuery, positions.side_by_side)


@router.get(
    "alignment/words-and-votes",
    response=RESPONSES,
    url_name="api-alignment-words",
    operation_id="getWordsAndVotes",
    summary="Explanations of vote and candidates",
)
def words_and_votes(request: HttpRequest, query: Query[WordsQuery]) -> dict:
    return _answer(request, WordsQuery, words.words_and_votes)
