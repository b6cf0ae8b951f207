"""The home page: what the archive holds and the ways into it."""

from __future__ import annotations

from django.db.models import Count, Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from meetings.models import Meeting
from statements import facets
from statements.models import Speaker, Statement, Theme
from statements.views.caching import cached, data_version

RECENT = 8


def home(request: HttpRequest) -> HttpResponse:
    """Counts, date span, recent meetings, a search box, countries and themes."""
    context = dict(cached("home", "", archive_summary, version=data_version()))
    context["recent"] = (
        Meeting.objects.with_related()
        .defer("release__source")
        .annotate(n=facets.statement_count("meeting"))
        .order_by("-date", "-id")[:RECENT]
    )
    context["regions"] = facets.REGIONS
    return render(request, "statements/home.html", context)


def archive_summary() -> dict:
    """What the archive holds: counts, span, top delegations, themes with counts."""
    statements = Statement.objects.full()
    per_theme, per_pillar = facets.theme_counts(statements)
    delegations = statements.exclude(delegation=None).values("delegation").distinct()
    return {
        "span": statements.aggregate(first=Min("date"), last=Max("date"), n=Count("id")),
        "meeting_count": Meeting.objects.count(),
        "delegation_count": delegations.count(),
        "speaker_count": Speaker.objects.canonical().count(),
        "delegations": facets.top_delegations(statements, limit=16),
        "pillars": [
            (p, per_pillar.get(p.pk, 0), [(c, per_theme.get(c.pk, 0)) for c in p.children.all()])
            for p in Theme.objects.pillars().prefetch_related("children")
        ],
    }
