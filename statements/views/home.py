"""The home page: what the archive holds and the ways into it."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from meetings.models import Meeting
from statements.models import Speaker
from statements.search import facets
from statements.search.filters import interface_language
from statements.search.index import engine
from statements.search.index.query import SearchSpec
from statements.themes.models import Theme

RECENT = 8


def home(request: HttpRequest) -> HttpResponse:
    """Counts, date span, recent meetings, a search box, countries and themes."""
    context = archive_summary()
    context["recent"] = (
        Meeting.objects.with_related()
        .shown_in(interface_language())
        .annotate(n=facets.statement_count("meeting"))
        .order_by("-date", "-id")[:RECENT]
    )
    context["regions"] = facets.REGIONS
    return render(request, "statements/home.html", context)


def archive_summary() -> dict:
    """What the archive holds: counts, span, top delegations, themes with counts."""
    everything = SearchSpec(prefer=interface_language())
    per_theme, per_pillar = facets.theme_counts(everything)
    dates = engine.aggregate(
        everything, {"first": {"min": {"field": "date"}}, "last": {"max": {"field": "date"}}}
    )
    return {
        "span": {
            "first": _day(dates["first"]["value"]),
            "last": _day(dates["last"]["value"]),
            "n": engine.count(everything),
        },
        "meeting_count": Meeting.objects.primary_versions().count(),
        "delegation_count": len(engine.terms(everything, "delegation", 1000)),
        "speaker_count": Speaker.objects.canonical().count(),
        "delegations": facets.top_delegations(everything, limit=16),
        "pillars": [
            (p, per_pillar.get(p.pk, 0), [(c, per_theme.get(c.pk, 0)) for c in p.children.all()])
            for p in Theme.objects.pillars().prefetch_related("children")
        ],
    }


def _day(value: float | None) -> date | None:
    """A date from the index's yyyymmdd number (None for an empty archive)."""
    if value is None:
        return None
    n = int(value)
    return date(n // 10000, n // 100 % 100, n % 100)
