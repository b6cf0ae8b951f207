"""Theme pages: what a theme covers, statements over time, who speaks on it most."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from statements.search import cards, facets
from statements.search.chart import bar_chart
from statements.search.filters import interface_language
from statements.search.index import engine
from statements.search.index.query import SearchSpec
from statements.themes.models import Theme

LATEST = 10


def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A theme (a pillar includes the themes beneath it): chart, delegations, latest statements."""
    theme = get_object_or_404(Theme.objects.select_related("parent"), slug=slug)
    children = list(theme.children.all())
    spec = SearchSpec(themes=(theme.slug,), prefer=interface_language())
    search_url = reverse("statements:statement-list") + f"?theme={theme.slug}"
    stats = theme_stats(spec)
    context = {
        **stats,
        "theme": theme,
        "children": [(c, stats["per_theme"].get(c.pk, 0)) for c in children],
        "search_url": search_url,
        "chart": bar_chart(
            stats["years"], url_for_year=lambda y: f"{search_url}&date_from={y}&date_to={y}"
        ),
        "latest": cards.listed(engine.search(spec, sort="newest", limit=LATEST).ids),
    }
    return render(request, "statements/theme_detail.html", context)


def theme_stats(spec: SearchSpec) -> dict:
    """Counts for a theme page: total, per year, per child theme, top delegations (exact)."""
    return {
        "total": engine.count(spec),
        "years": facets.year_counts(spec),
        "per_theme": facets.theme_counts(spec)[0],
        "delegations": facets.top_delegations(spec),
    }


def theme_list(request: HttpRequest) -> HttpResponse:
    """Pillars and their themes, with how many statements each has."""
    per_theme, per_pillar = facets.theme_counts(SearchSpec(prefer=interface_language()))
    pillars = [
        (p, per_pillar.get(p.pk, 0), [(c, per_theme.get(c.pk, 0)) for c in p.children.all()])
        for p in Theme.objects.pillars().prefetch_related("children")
    ]
    return render(request, "statements/theme_list.html", {"pillars": pillars})
