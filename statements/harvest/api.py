"""API resource for coverage: per body and year, what the site listed and what the archive holds."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema

from statements.harvest import coverage
from statements.publish.api.paging import absolute, reject_unknown
from statements.publish.api.problems import Problem
from statements.publish.api.schemas import ProblemOut

router = Router()
BodyKey = Literal[tuple(coverage.BODIES)]  # type: ignore[valid-type]


class YearRow(Schema):
    body: BodyKey  # type: ignore[valid-type]
    year: int
    listed: int = Field(..., description="Releases press.un.org listed to the harvester.")
    archived: int = Field(..., description="Releases the archive holds.")
    url: str = Field(..., description="This body's year in detail.")


class CoverageIndex(Schema):
    data: list[YearRow]


class CoverageQuery(Schema):
    body: BodyKey | None = Field(None, description="Only this body.")  # type: ignore[valid-type]
    year: int | None = Field(None, ge=1995, le=2100, description="Only this year.")
    limit: int = Field(500, ge=1, le=500, description="At most this many rows, newest first.")


class EntryOut(Schema):
    symbol: str
    url: str = Field(..., description="The release's address on the UN's site, when known.")
    reason: str = Field(..., description="Why it waits or failed (empty otherwise).")


class GapOut(Schema):
    series: str = Field(..., description="e.g. GA, GA/EF, SC, CS")
    first: int
    last: int
    known: Literal["listed", "waiting", "failed", ""] = Field(
        ..., description="What is known of these numbers; empty when the site never listed them."
    )


class CoverageDetail(Schema):
    body: BodyKey  # type: ignore[valid-type]
    year: int
    counts: dict[str, int]
    listed: list[EntryOut]
    archived: list[EntryOut]
    waiting: list[EntryOut]
    failed: list[EntryOut]
    gaps: list[GapOut]


@router.get(
    "coverage",
    response={200: CoverageIndex, 400: ProblemOut},
    url_name="api-coverage",
    operation_id="listCoverage",
    summary="Releases listed and archived, per body and year",
    tags=["coverage"],
)
def coverage_list(request: HttpRequest, params: Query[CoverageQuery]) -> dict:
    reject_unknown(request, CoverageQuery)
    rows = [
        row
        for row in coverage.coverage_index()
        if params.body in (None, row["body"]) and params.year in (None, row["year"])
    ][: params.limit]
    for row in rows:
        path = reverse("data:api-coverage-detail", args=[row["body"], row["year"]])
        row["url"] = absolute(path)
    return {"data": rows}


@router.get("coverage/{body}/{year}",
            response={200: CoverageDetail, 400: ProblemOut, 404: ProblemOut},
            url_name="api-coverage-detail", operation_id="getCoverage",
            summary="One body's year: listed, archived, waiting, failed, gaps",
            tags=["coverage"])  # fmt: skip
def coverage_detail(request: HttpRequest, body: Path[str], year: Path[int]) -> dict:
    reject_unknown(request)
    if not coverage.valid(body, year):
        bodies = ", ".join(coverage.BODIES)
        detail = f"No coverage for “{body[:40]}” in {year}: bodies are {bodies}, years 1995 on."
        raise Problem(404, "not_found", detail)
    report = coverage.coverage_for(body, year)
    return {
        "body": body,
        "year": year,
        "counts": report.counts(),
        **{name: [e.__dict__ for e in getattr(report, name)]
           for name in ("listed", "archived", "waiting", "failed")},
        "gaps": [{"series": g.series, "first": g.first, "last": g.last, "known": g.known}
                 for g in report.gaps],
    }  # fmt: skip
