"""Facet counts: how many matching statements each filter value would give, one query a facet.

Each facet counts over the matches with every *other* filter applied (StatementFilter
.facet_queryset), so choosing a second country adds to the result instead of emptying the list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, Max, Min, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear

from meetings.models import Body, Meeting, ordinal
from statements.filters import StatementFilter
from statements.models import Delegation, Speaker, Statement, Theme

REGIONS = ["Africa", "Americas", "Asia", "Europe", "Oceania"]
KIND_GROUPS = {
    Delegation.Kind.OBSERVER_STATE: "Observer States",
    Delegation.Kind.GROUP: "Groups of States",
    Delegation.Kind.IGO: "Intergovernmental organizations",
    Delegation.Kind.UN_ENTITY: "UN officials and bodies",
    Delegation.Kind.CIVIL_SOCIETY: "Civil society",
    Delegation.Kind.OTHER: "Other",
}
GROUP_ORDER = [*REGIONS, "Member States (region unknown)", *KIND_GROUPS.values()]
TOP_SPEAKERS = 12


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with its count under the other filters."""

    value: str
    label: str
    count: int
    selected: bool
    group: str = ""


@dataclass(frozen=True)
class FacetGroup:
    """Values shown together: a region, a pillar, or the whole facet."""

    label: str
    values: list[FacetValue]
    count: int | None = None

    @property
    def has_selection(self) -> bool:
        return any(v.selected for v in self.values)


@dataclass(frozen=True)
class Facet:
    """A filter parameter with its values, grouped when the facet has groups."""

    name: str
    label: str
    groups: list[FacetGroup]
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def values(self) -> list[FacetValue]:
        return [v for g in self.groups for v in g.values]

    @property
    def has_selection(self) -> bool:
        return any(g.has_selection for g in self.groups)


def statement_facets(fs: StatementFilter) -> list[Facet]:
    """Every facet of the statements page, in display order."""
    return [facet(fs) for facet in FACETS]


def delegation_facet(fs: StatementFilter) -> Facet:
    """Countries by region, then observers, groups, organizations and UN officials apart."""
    rows = list(
        fs.facet_queryset("delegation")
        .filter(delegation__isnull=False)
        .values("delegation__code", "delegation__name", "delegation__kind", "delegation__region")
        .annotate(n=Count("id"))
    )
    selected = fs.selected("delegation")
    seen = {r["delegation__code"] for r in rows}
    missing = [c for c in selected if c not in seen]
    if missing:
        rows += [_zero(d) for d in Delegation.objects.filter(code__in=missing)]
    grouped: dict[str, list[FacetValue]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r["delegation__name"]):
        group = delegation_group(row["delegation__kind"], row["delegation__region"])
        grouped[group].append(
            FacetValue(
                row["delegation__code"],
                row["delegation__name"],
                row["n"],
                row["delegation__code"] in selected,
                group,
            )
        )
    groups = [
        FacetGroup(g, grouped[g], sum(v.count for v in grouped[g]))
        for g in GROUP_ORDER
        if g in grouped
    ]
    return Facet("delegation", "Delegation", groups)


def _zero(delegation: Delegation) -> dict:
    return {
        "delegation__code": delegation.code,
        "delegation__name": delegation.name,
        "delegation__kind": delegation.kind,
        "delegation__region": delegation.region,
        "n": 0,
    }


def delegation_group(kind: str, region: str) -> str:
    """The heading a delegation is listed under."""
    if kind == Delegation.Kind.MEMBER_STATE:
        return region if region in REGIONS else "Member States (region unknown)"
    return KIND_GROUPS.get(kind, "Other")


def theme_facet(fs: StatementFilter) -> Facet:
    """Themes under their pillars; a pillar counts statements on it or any theme beneath it."""
    per_theme, per_pillar = theme_counts(fs.facet_queryset("theme"))
    selected = fs.selected("theme")
    groups = []
    for pillar in Theme.objects.pillars().prefetch_related("children"):
        children = list(pillar.children.all())
        label = f"All of {pillar.name}" if children else pillar.name
        values = [_theme_value(pillar, per_pillar, selected, label=label)]
        values += [_theme_value(t, per_theme, selected) for t in children]
        values = [v for v in values if v.count or v.selected]
        if values:
            groups.append(FacetGroup(pillar.name, values, per_pillar.get(pillar.pk, 0)))
    return Facet("theme", "Theme", groups)


def theme_counts(queryset: QuerySet) -> tuple[dict[int, int], dict[int, int]]:
    """Statements per theme id, and per pillar id counting the themes beneath it (2 queries)."""
    tags = queryset.effective_theme_tags()
    per_theme = tags.values_list("theme_id").annotate(n=Count("statement", distinct=True))
    per_pillar = (
        tags.annotate(pillar=Coalesce("theme__parent_id", "theme_id"))
        .values_list("pillar")
        .annotate(n=Count("statement", distinct=True))
    )
    return dict(per_theme.order_by()), dict(per_pillar.order_by())


def _theme_value(theme: Theme, counts: dict, selected: list[str], label: str = "") -> FacetValue:
    return FacetValue(
        theme.slug, label or theme.name, counts.get(theme.pk, 0), theme.slug in selected
    )


def body_facet(fs: StatementFilter) -> Facet:
    """UN bodies in their usual order."""
    counts = dict(
        fs.facet_queryset("body").values_list("meeting__body_id").annotate(n=Count("id")).order_by()
    )
    selected = fs.selected("body")
    values = [
        FacetValue(b.slug, b.name, counts.get(b.pk, 0), b.slug in selected)
        for b in Body.objects.all()
        if counts.get(b.pk) or b.slug in selected
    ]
    return Facet("body", "UN body", [FacetGroup("", values)])


def session_facet(fs: StatementFilter) -> Facet:
    """Sessions, latest first."""
    counts = dict(
        fs.facet_queryset("session")
        .filter(meeting__session__isnull=False)
        .values_list("meeting__session")
        .annotate(n=Count("id"))
        .order_by()
    )
    selected = fs.selected("session")
    sessions = sorted(set(counts) | {int(s) for s in selected}, reverse=True)
    values = [
        FacetValue(str(s), f"{ordinal(s)} session", counts.get(s, 0), str(s) in selected)
        for s in sessions
    ]
    return Facet("session", "Session", [FacetGroup("", values)])


def kind_facet(fs: StatementFilter) -> Facet:
    """Statement kinds; lead summaries are left out of results unless chosen here."""
    counts = dict(fs.facet_queryset("kind").values_list("kind").annotate(n=Count("id")).order_by())
    selected = fs.selected("kind")
    values = [
        FacetValue(k.value, k.label, counts.get(k.value, 0), k.value in selected)
        for k in Statement.Kind
        if counts.get(k.value) or k.value in selected
    ]
    note = "" if selected else "Lead summaries are not shown unless chosen here."
    return Facet("kind", "Kind", [FacetGroup("", values)], note=note)


def speaker_facet(fs: StatementFilter) -> Facet:
    """The speakers with most matching statements, and any chosen ones."""
    rows = (
        fs.facet_queryset("speaker")
        .filter(speaker__isnull=False)
        .values_list("speaker__slug", "speaker__name")
        .annotate(n=Count("id"))
        .order_by("-n", "speaker__name")
    )
    selected = fs.selected("speaker")
    top = list(rows[:TOP_SPEAKERS])
    shown = {slug for slug, _, _ in top}
    missing = [s for s in selected if s not in shown]
    if missing:
        top += list(rows.filter(speaker__slug__in=missing))
        found = {slug for slug, _, _ in top}
        top += [
            (s.slug, s.name, 0)
            for s in Speaker.objects.filter(slug__in=missing)
            if s.slug not in found
        ]
    values = [FacetValue(slug, name, n, slug in selected) for slug, name, n in top]
    note = (
        "The most frequent speakers; open a speaker's page for more."
        if len(top) >= TOP_SPEAKERS
        else ""
    )
    return Facet("speaker", "Speaker", [FacetGroup("", values)], note=note)


# Counts for charts and page summaries ---------------------------------------------------------


def year_counts(queryset: QuerySet) -> dict[int, int]:
    """Statements per year."""
    rows = queryset.order_by().annotate(year=ExtractYear("date")).values_list("year")
    return dict(rows.annotate(n=Count("id")))


def year_counts_by_delegation(
    queryset: QuerySet, codes: Iterable[str]
) -> dict[str, dict[int, int]]:
    """Statements per year for each of a few delegations, keyed by delegation name."""
    rows = (
        queryset.order_by()
        .filter(delegation__code__in=list(codes))
        .annotate(year=ExtractYear("date"))
        .values_list("delegation__name", "year")
        .annotate(n=Count("id"))
    )
    series: dict[str, dict[int, int]] = defaultdict(dict)
    for name, year, n in rows:
        series[name][year] = n
    return dict(sorted(series.items()))


def top_themes(queryset: QuerySet, limit: int = 10) -> list[tuple[Theme, int]]:
    """The themes most statements carry, with their counts."""
    rows = (
        queryset.effective_theme_tags()
        .values_list("theme_id")
        .annotate(n=Count("statement", distinct=True))
        .order_by("-n")[:limit]
    )
    counts = dict(rows)
    themes = Theme.objects.in_bulk(counts)
    return sorted(((themes[pk], n) for pk, n in counts.items()), key=lambda t: (-t[1], t[0].name))


def top_delegations(queryset: QuerySet, limit: int = 10) -> list[dict]:
    """The delegations that made most statements: code, name, slug and n."""
    return list(
        queryset.order_by()
        .filter(delegation__isnull=False)
        .values("delegation__code", "delegation__name", "delegation__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "delegation__name")[:limit]
    )


def top_speakers(queryset: QuerySet, limit: int = 10) -> list[dict]:
    """The speakers with most statements: slug, name and n."""
    return list(
        queryset.order_by()
        .filter(speaker__isnull=False)
        .values("speaker__slug", "speaker__name")
        .annotate(n=Count("id"))
        .order_by("-n", "speaker__name")[:limit]
    )


def speaker_roles(queryset: QuerySet) -> list[dict]:
    """Each delegation and title a speaker held: first and last date and count, latest first."""
    return list(
        queryset.order_by()
        .values("delegation__name", "delegation__slug", "delegation_label", "title")
        .annotate(first=Min("date"), last=Max("date"), n=Count("id"))
        .order_by("-last", "-first")
    )


def recent_meetings(queryset: QuerySet, limit: int = 10) -> list[tuple]:
    """The latest meetings these statements come from, each with how many (2 queries)."""
    rows = list(
        queryset.order_by()
        .values_list("meeting_id")
        .annotate(n=Count("id"), day=Max("date"))
        .order_by("-day", "-meeting_id")[:limit]
    )
    meetings = (
        Meeting.objects.with_related().defer("release__source").in_bulk([pk for pk, _, _ in rows])
    )
    return [(meetings[pk], n) for pk, n, _ in rows if pk in meetings]


def statement_count(outer: str, statements: QuerySet | None = None) -> Coalesce:
    """A subquery counting statements (not summaries) per outer row, by the field `outer`.

    Used to annotate a page of meetings, speakers or delegations: only the rows shown are
    counted, instead of grouping the whole statements table first.
    """
    statements = statements if statements is not None else Statement.objects.full()
    per_row = (
        statements.order_by()
        .filter(**{outer: OuterRef("pk")})
        .values(outer)
        .annotate(c=Count("pk"))
        .values("c")
    )
    return Coalesce(Subquery(per_row, output_field=IntegerField()), 0)


FACETS = [delegation_facet, theme_facet, body_facet, session_facet, kind_facet, speaker_facet]
