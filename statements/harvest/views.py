"""The public coverage pages: what the archive holds of each body's year, and what it lacks."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from statements.harvest import coverage


def coverage_index(request: HttpRequest) -> HttpResponse:
    """Every body and year the archive or the site's listings know, with their counts."""
    return render(request, "harvest/coverage.html", {"rows": coverage.coverage_index()})


def coverage_detail(request: HttpRequest, body: str, year: int) -> HttpResponse:
    """One body's year: listed, archived, waiting for review, failed (why), sequence gaps."""
    if not coverage.valid(body, year):
        raise Http404("No such body or year.")
    return render(request, "harvest/coverage.html", {"report": coverage.coverage_for(body, year)})
