"""Thin views: each tool's page and CSV from the same record (reports, positions, words)."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from statements.alignment import groups, params, positions, reports, words
from statements.alignment.votes import BASIS_LABELS
from statements.models import Delegation
from statements.themes.models import Theme

TOOLS = {
    "pair": (reports.pair, "alignment/pair.html", reports.CSV_FIELDS),
    "matrix": (reports.matrix, "alignment/matrix.html", reports.CSV_FIELDS),
    "alike": (reports.alike, "alignment/alike.html", reports.CSV_FIELDS),
    "side-by-side": (positions.side_by_side, "alignment/side_by_side.html", positions.CSV_FIELDS),
    "words-and-votes": (words.words_and_votes, "alignment/words_votes.html", words.CSV_FIELDS),
}
# What a tool needs before it computes anything; without it the page shows the form alone.
NEEDS = {"matrix": ("group", "delegation")}


def _form_context(request: HttpRequest) -> dict:
    return {
        "states": Delegation.objects.states().order_by("name").values_list("code", "name"),
        "themes": Theme.objects.leaves().order_by("name").values_list("slug", "name"),
        "group_choices": groups.choices(),
        "basis_choices": params.BASIS_CHOICES,
        "count_choices": params.COUNT_CHOICES,
        "basis_labels": BASIS_LABELS,
        "chosen": request.GET,
        "chosen_codes": request.GET.getlist("delegation"),
        "query": request.GET.urlencode(),
    }


def _asked(tool: str, request: HttpRequest) -> bool:
    return any(request.GET.get(name) for name in NEEDS.get(tool, ("delegation",)))


@require_safe
def page(request: HttpRequest, tool: str) -> HttpResponse:
    build, template, _ = TOOLS[tool]
    context = {"tool": tool, **_form_context(request)}
    status = 200
    if _asked(tool, request):
        try:
            context["report"] = build(request.GET)
        except params.BadRequest as error:
            context["error"], status = error.message, 400
    return render(request, template, context, status=status)


@require_safe
def csv_export(request: HttpRequest, tool: str) -> HttpResponse:
    build, _, fields = TOOLS[tool]
    try:
        report = build(request.GET)
    except params.BadRequest as error:
        return HttpResponse(error.message + "\n", status=400, content_type="text/plain")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="un-{tool}-{timezone.now():%Y-%m-%d}.csv"'
    )
    writer = csv.DictWriter(response, fieldnames=fields, restval="", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(csv_rows(tool, report))
    return response


def csv_rows(tool: str, report: dict) -> list[dict]:
    if tool == "side-by-side":
        return positions.csv_rows(report)
    if tool == "words-and-votes":
        return words.csv_rows(report)
    key = {"pair": "pairs", "matrix": "cells", "alike": "ranked"}[tool]
    return reports.csv_rows(report[key])
