"""Country and delegation pages: statements over time, themes, speakers, meetings."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from statements import facets
from statements.models import Delegation, Statement
from statements.views.caching import cached, data_version
from statements.views.chart import bar_chart
from statements.views.decisions import voting_record

LATEST = 10


def delegation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A delegation's statements per year, top themes, speakers and meetings."""
    delegation = Delegation.objects.filter(slug=slug).first()
    if delegation is None:
        by_code = Delegation.objects.filter(code__iexact=slug).first()
        if by_code is None:
            raise Http404("No such delegation")
        return redirect(by_code, permanent=True)
    statements = Statement.objects.full().for_delegation(delegation)
    search_url = reverse("statements:statement-list") + f"?delegation={delegation.code}"
    stats = cached(
        "delegation",
        str(delegation.pk),
        lambda: delegation_stats(statements),
        version=data_version(),
    )
    context = {
        **stats,
        "delegation": delegation,
        "group": facets.delegation_group(delegation.kind, delegation.region),
        "search_url": search_url,
        "chart": bar_chart(
            stats["years"], url_for_year=lambda y: f"{search_url}&date_from={y}&date_to={y}"
        ),
        "meetings": facets.recent_meetings(statements),
        "latest": statements.for_listing().order_by("-date", "-id")[:LATEST],
        **voting_record(delegation, request.GET),
    }
    return render(request, "statements/delegation_detail.html", context)


def delegation_stats(statements) -> dict:
    """Counts for a delegation page: total, per year, top themes and speakers."""
    return {
        "total": statements.count(),
        "years": facets.year_counts(statements),
        "themes": facets.top_themes(statements),
        "speakers": facets.top_speakers(statements),
    }


def delegation_list(request: HttpRequest) -> HttpResponse:
    """Every delegation that spoke, grouped by region like the search facet."""
    groups = cached("delegation-list", "", delegation_groups, version=data_version())
    return render(request, "statements/delegation_list.html", {"groups": groups})


def delegation_groups() -> list[tuple[str, list[Delegation]]]:
    """Delegations that spoke, with counts (.n), grouped as in the search facet."""
    rows = Delegation.objects.annotate(
        n=Count("statements", filter=~Q(statements__kind=Statement.Kind.SUMMARY))
    ).filter(n__gt=0)
    grouped = defaultdict(list)
    for delegation in rows.order_by("name"):
        grouped[facets.delegation_group(delegation.kind, delegation.region)].append(delegation)
    return [(g, grouped[g]) for g in facets.GROUP_ORDER if g in grouped]
