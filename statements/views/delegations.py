"""Country and delegation pages: statements over time, themes, speakers, meetings."""

from __future__ import annotations

from collections import defaultdict

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from statements.decisions.views import voting_record
from statements.models import Delegation, Statement
from statements.search import cards, facets
from statements.search.chart import bar_chart
from statements.search.filters import interface_language
from statements.search.index import engine
from statements.search.index.query import SearchSpec

LATEST = 10


def delegation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A delegation's statements per year, top themes, speakers and meetings."""
    delegation = Delegation.objects.filter(slug=slug).first()
    if delegation is None:
        by_code = Delegation.objects.filter(code__iexact=slug).first()
        if by_code is None:
            raise Http404("No such delegation")
        return redirect(by_code, permanent=True)
    statements = Statement.objects.full().for_delegation(delegation).shown_in(interface_language())
    search_url = reverse("statements:statement-list") + f"?delegation={delegation.code}"
    spec = SearchSpec(delegations=(delegation.code,), prefer=interface_language())
    stats = delegation_stats(spec)
    context = {
        **stats,
        "delegation": delegation,
        "group": facets.delegation_group(delegation.kind, delegation.region),
        "search_url": search_url,
        "chart": bar_chart(
            stats["years"], url_for_year=lambda y: f"{search_url}&date_from={y}&date_to={y}"
        ),
        "meetings": facets.recent_meetings(statements, spec=spec),
        "latest": cards.listed(engine.search(spec, sort="newest", limit=LATEST).ids),
        **voting_record(delegation, request.GET),
    }
    return render(request, "statements/delegation_detail.html", context)


def delegation_stats(spec: SearchSpec) -> dict:
    """Counts for a delegation page: total, per year, top themes and speakers (exact)."""
    return {
        "total": engine.count(spec),
        "years": facets.year_counts(spec),
        "themes": facets.top_themes(spec),
        "speakers": facets.top_speakers(spec),
    }


def delegation_list(request: HttpRequest) -> HttpResponse:
    """Every delegation that spoke, grouped by region like the search facet."""
    groups = delegation_groups()
    return render(request, "statements/delegation_list.html", {"groups": groups})


def delegation_groups() -> list[tuple[str, list[Delegation]]]:
    """Delegations that spoke, with counts (.n), grouped as in the search facet."""
    counts = engine.terms(SearchSpec(prefer=interface_language()), "delegation", 1000)
    grouped = defaultdict(list)
    for delegation in Delegation.objects.filter(code__in=list(counts)).order_by("name"):
        delegation.n = counts[delegation.code]
        grouped[facets.delegation_group(delegation.kind, delegation.region)].append(delegation)
    return [(g, grouped[g]) for g in facets.GROUP_ORDER if g in grouped]
