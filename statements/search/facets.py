"""Facet counts: how many matching statements each filter value would give, exact, from the index.

Each facet counts over the matches with every *other* filter applied (SearchSpec.without), so
choosing a second country adds to the result instead of emptying the list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from django.db.models import Count, IntegerField, Max, Min, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy

from meetings.models import Body, Meeting, session_label
from statements.models import Delegation, Speaker, Statement
from statements.search.filters import StatementFilter
from statements.search.index import engine, memo
from statements.search.index.query import SearchSpec
from statements.themes.models import Theme

_ = gettext_lazy

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
# The headings as readers see them, in the interface's language (the keys stay English: they are
# the data's region names and this module's grouping keys).
GROUP_LABELS = {
    "Africa": _("Africa"),
    "Americas": _("Americas"),
    "Asia": _("Asia"),
    "Europe": _("Europe"),
    "Oceania": _("Oceania"),
    "Member States (region unknown)": _("Member States (region unknown)"),
    "Observer States": _("Observer States"),
    "Groups of States": _("Groups of States"),
    "Intergovernmental organizations": _("Intergovernmental organizations"),
    "UN officials and bodies": _("UN officials and bodies"),
    "Civil society": _("Civil society"),
    "Other": _("Other"),
}
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


def statement_facets(fs: StatementFilter, counts: dict | None = None):
    """Every facet of the statements page, in display order, and the matches per year (the
    chart), counted exactly by the engine (`counts`: from start_counts, when already started)."""
    counts = counts if counts is not None else start_counts(fs)()
    return [facet(fs, counts) for facet in FACETS], counts["year"]


def start_counts(fs: StatementFilter):
    """Start counting the page's facets in the engine's threads; return what waits for them.

    The statements page starts them first, then finds its page of results meanwhile.
    """
    return start_facet_counts(fs.spec(), {n: fs.selected(n) for n in FACET_FIELDS})


# The index fields each facet counts, and how many values it keeps.
FACET_FIELDS = {
    "delegation": {"delegation": 1000},
    "theme": {"theme": 500, "pillar": 100},
    "body": {"body": 200},
    "session": {"session": 200},
    "kind": {"kind": 20},
    "review": {"review": 10},
    "speaker": {"speaker": TOP_SPEAKERS},
}


def facet_counts(spec: SearchSpec, selected: dict[str, list[str]]) -> dict[str, dict]:
    """Counts per index field, plus "year" (the chart) over the search itself."""
    return start_facet_counts(spec, selected)()


def start_facet_counts(spec: SearchSpec, selected: dict[str, list[str]]):
    """facet_counts, started in the engine's threads: returns what waits for the counts.

    Every facet without a selection and the years share ONE aggregation pass over the matches.
    A facet with a selection is counted without its own filter (a pass each), and so is the kind
    facet, which counts summaries too (a pass over one tiny field: a few ms at 1M). The passes
    run side by side (engine.start_terms_passes).
    """
    shared: dict[str, int] = {"year": 300}
    own: list[tuple[str, dict[str, int]]] = []
    for name, fields in FACET_FIELDS.items():
        if selected.get(name) or name == "kind":
            own.append((name, fields))
        else:
            shared |= fields
    passes = [(spec.without(name), fields) for name, fields in own] + [(spec, shared)]
    waiting = engine.start_terms_passes(passes)

    def merged() -> dict[str, dict]:
        counts: dict[str, dict] = {}
        for found in waiting():
            counts |= found
        return counts

    return merged


def delegation_facet(fs: StatementFilter, counts: dict) -> Facet:
    """Countries by region, then observers, groups, organizations and UN officials apart."""
    found = counts["delegation"]
    selected = fs.selected("delegation")
    known = delegation_labels()
    grouped: dict[str, list[FacetValue]] = defaultdict(list)
    for code in sorted({*found, *selected} & known.keys(), key=lambda c: known[c][0]):
        name, kind, region = known[code]
        group = delegation_group(kind, region)
        value = FacetValue(code, name, found.get(code, 0), code in selected, group)
        grouped[group].append(value)
    groups = [
        FacetGroup(GROUP_LABELS.get(g, g), grouped[g], sum(v.count for v in grouped[g]))
        for g in GROUP_ORDER
        if g in grouped
    ]
    return Facet("delegation", _("Delegation"), groups)


def delegation_labels() -> dict[str, tuple[str, str, str]]:
    """Every delegation's code -> (name, kind, region), kept until the next index commit."""
    return memo.per_commit("labels", "delegations", _delegation_labels)


def _delegation_labels() -> dict[str, tuple[str, str, str]]:
    rows = Delegation.objects.values_list("code", "name", "kind", "region")
    return {code: (name, kind, region) for code, name, kind, region in rows}


def pillars_with_themes() -> list[tuple[Theme, list[Theme]]]:
    """The pillars in order, each with its themes, kept until the next index commit."""
    return memo.per_commit("labels", "pillars", _pillars_with_themes)


def _pillars_with_themes() -> list[tuple[Theme, list[Theme]]]:
    pillars = Theme.objects.pillars().prefetch_related("children")
    return [(p, list(p.children.all())) for p in pillars]


def delegation_group(kind: str, region: str) -> str:
    """The heading a delegation is listed under."""
    if kind == Delegation.Kind.MEMBER_STATE:
        return region if region in REGIONS else "Member States (region unknown)"
    return KIND_GROUPS.get(kind, "Other")


def theme_facet(fs: StatementFilter, counts: dict) -> Facet:
    """Themes under their pillars; a pillar counts statements on it or any theme beneath it."""
    per_theme, per_pillar = counts["theme"], counts["pillar"]
    selected = fs.selected("theme")
    groups = []
    for pillar, children in pillars_with_themes():
        label = _("All of %(theme)s") % {"theme": pillar.name} if children else pillar.name
        values = [_theme_value(pillar, per_pillar, selected, label=label)]
        values += [_theme_value(t, per_theme, selected) for t in children]
        values = [v for v in values if v.count or v.selected]
        if values:
            groups.append(FacetGroup(pillar.name, values, per_pillar.get(pillar.slug, 0)))
    return Facet("theme", _("Theme"), groups)


def theme_counts(spec: SearchSpec) -> tuple[dict[int, int], dict[int, int]]:
    """Statements per theme id, and per pillar id counting the themes beneath it (exact)."""
    found = engine.many_terms(spec, FACET_FIELDS["theme"])
    by_slug = dict(Theme.objects.values_list("slug", "pk"))
    per_theme = {by_slug[k]: n for k, n in found["theme"].items() if k in by_slug}
    per_pillar = {by_slug[k]: n for k, n in found["pillar"].items() if k in by_slug}
    return per_theme, per_pillar


def _theme_value(theme: Theme, counts: dict, selected: list[str], label: str = "") -> FacetValue:
    return FacetValue(
        theme.slug, label or theme.name, counts.get(theme.slug, 0), theme.slug in selected
    )


def body_facet(fs: StatementFilter, counts: dict) -> Facet:
    """UN bodies in their usual order."""
    found = counts["body"]
    selected = fs.selected("body")
    bodies = memo.per_commit(
        "labels", "bodies", lambda: list(Body.objects.values_list("slug", "name"))
    )
    values = [
        FacetValue(slug, name, found.get(slug, 0), slug in selected)
        for slug, name in bodies
        if found.get(slug) or slug in selected
    ]
    return Facet("body", "UN body", [FacetGroup("", values)])


def session_facet(fs: StatementFilter, counts: dict) -> Facet:
    """Sessions, latest first."""
    found = {s: n for s, n in counts["session"].items() if s}
    selected = fs.selected("session")
    sessions = sorted(set(found) | {int(s) for s in selected}, reverse=True)
    values = [
        FacetValue(str(s), session_label(s), found.get(s, 0), str(s) in selected) for s in sessions
    ]
    return Facet("session", _("Session"), [FacetGroup("", values)])


def kind_facet(fs: StatementFilter, counts: dict) -> Facet:
    """Statement kinds; lead summaries are left out of results unless chosen here."""
    values = _choice_values(fs, counts, "kind", Statement.Kind)
    note = "" if fs.selected("kind") else _("Lead summaries are not shown unless chosen here.")
    return Facet("kind", _("Kind"), [FacetGroup("", values)], note=note)


def review_facet(fs: StatementFilter, counts: dict) -> Facet:
    """What was checked: as parsed, parser warning, reviewed, corrected by staff."""
    values = _choice_values(fs, counts, "review", Statement.ReviewState)
    return Facet("review", _("Review state"), [FacetGroup("", values)], note=REVIEW_NOTE)


def _choice_values(fs: StatementFilter, counts: dict, name: str, choices) -> list[FacetValue]:
    """A facet over a model's choices, in their order: those found, and any chosen."""
    found, selected = counts[name], fs.selected(name)
    return [
        FacetValue(c.value, c.label, found.get(c.value, 0), c.value in selected)
        for c in choices
        if found.get(c.value) or c.value in selected
    ]


REVIEW_NOTE = _("How each statement was checked: see “How statements are checked”.")


def speaker_facet(fs: StatementFilter, counts: dict) -> Facet:
    """The speakers with most matching statements, and any chosen ones."""
    top = dict(counts["speaker"])
    selected = fs.selected("speaker")
    missing = [s for s in selected if s not in top]
    if missing:
        spec = fs.spec().without("speaker")
        top |= {slug: engine.count(replace(spec, speakers=(slug,))) for slug in missing}
    names = dict(Speaker.objects.filter(slug__in=list(top)).values_list("slug", "name"))
    ranked = sorted(top.items(), key=lambda item: (-item[1], names.get(item[0], "")))
    values = [FacetValue(slug, names.get(slug, slug), n, slug in selected) for slug, n in ranked]
    note = (
        _("The most frequent speakers; open a speaker's page for more.")
        if len(counts["speaker"]) >= TOP_SPEAKERS
        else ""
    )
    return Facet("speaker", _("Speaker"), [FacetGroup("", values)], note=note)


# Counts for charts and page summaries ---------------------------------------------------------


def year_counts(spec: SearchSpec) -> dict[int, int]:
    """Matches per year."""
    return engine.terms(spec, "year", 300)


def year_counts_by_delegation(spec: SearchSpec, codes: Iterable[str]) -> dict[str, dict[int, int]]:
    """Matches per year for each of a few delegations, keyed by delegation name."""
    spec = replace(spec, delegations=tuple(codes))
    aggs = {
        "d": {
            "terms": {"field": "delegation", "size": 50},
            "aggs": {"y": {"terms": {"field": "year", "size": 300}}},
        }
    }
    found = engine.aggregate(spec, aggs)["d"]["buckets"]
    names = dict(
        Delegation.objects.filter(code__in=[b["key"] for b in found]).values_list("code", "name")
    )
    series = {
        names.get(b["key"], b["key"]): {int(y["key"]): y["doc_count"] for y in b["y"]["buckets"]}
        for b in found
    }
    return dict(sorted(series.items()))


def top_themes(spec: SearchSpec, limit: int = 10) -> list[tuple[Theme, int]]:
    """The themes most matches carry, with their counts."""
    counts = engine.terms(spec, "theme", 500)
    themes = {t.slug: t for t in Theme.objects.filter(slug__in=list(counts))}
    found = [(themes[slug], n) for slug, n in counts.items() if slug in themes]
    return sorted(found, key=lambda t: (-t[1], t[0].name))[:limit]


def top_delegations(spec: SearchSpec, limit: int = 10) -> list[dict]:
    """The delegations that made most matches: code, name, slug and n."""
    counts = engine.terms(spec, "delegation", 1000)
    rows = Delegation.objects.filter(code__in=list(counts)).values_list("code", "name", "slug")
    found = [
        {"delegation__code": c, "delegation__name": name, "delegation__slug": slug, "n": counts[c]}
        for c, name, slug in rows
    ]
    return sorted(found, key=lambda r: (-r["n"], r["delegation__name"]))[:limit]


def top_speakers(spec: SearchSpec, limit: int = 10) -> list[dict]:
    """The speakers with most matches (merged speakers counted with their target): slug, name, n."""
    counts = engine.terms(spec, "speaker", limit)
    names = dict(Speaker.objects.filter(slug__in=list(counts)).values_list("slug", "name"))
    found = [
        {"speaker__slug": s, "speaker__name": names.get(s, s), "n": n} for s, n in counts.items()
    ]
    return sorted(found, key=lambda r: (-r["n"], r["speaker__name"]))


def speaker_roles(queryset: QuerySet) -> list[dict]:
    """Each delegation and title a speaker held: first and last date and count, latest first."""
    return list(
        queryset.order_by()
        .values("delegation__name", "delegation__slug", "delegation_label", "title")
        .annotate(first=Min("date"), last=Max("date"), n=Count("id"))
        .order_by("-last", "-first")
    )


def recent_meetings(queryset: QuerySet, limit: int = 10, spec: SearchSpec | None = None):
    """The latest meetings these statements come from, each with how many (2-4 queries).

    With `spec` (the same statements in the engine), the engine's newest matches name the
    meetings, and only those meetings are counted; else every match is grouped in SQL.
    """
    rows = _recent_from_engine(queryset, spec, limit) if spec is not None else None
    if rows is None:
        rows = list(
            queryset.order_by()
            .values_list("meeting_id")
            .annotate(n=Count("id"), day=Max("date"))
            .order_by("-day", "-meeting_id")[:limit]
        )
    meetings = Meeting.objects.with_related().in_bulk([pk for pk, _, _ in rows])
    return [(meetings[pk], n) for pk, n, _ in rows if pk in meetings]


RECENT_WALK = 200


def _recent_from_engine(queryset: QuerySet, spec: SearchSpec, limit: int) -> list | None:
    """(meeting, count, day) of the latest meetings, or None when the newest RECENT_WALK
    matches cannot prove which they are (many statements on the oldest day seen)."""
    ids = engine.search(spec, sort="newest", limit=RECENT_WALK).ids
    latest: dict[int, date] = {}
    for meeting, day in queryset.filter(pk__in=ids).values_list("meeting_id", "date"):
        latest[meeting] = max(day, latest.get(meeting, day))
    ranked = sorted(latest.items(), key=lambda item: (item[1], item[0]), reverse=True)[:limit]
    oldest_seen = min(latest.values(), default=None)
    complete = len(ids) < RECENT_WALK  # every match was seen
    if not complete and (len(ranked) < limit or any(d <= oldest_seen for _, d in ranked)):
        return None  # a meeting on the oldest day seen may hold unseen statements
    counted = dict(
        queryset.order_by()
        .filter(meeting_id__in=[m for m, _ in ranked])
        .values_list("meeting_id")
        .annotate(n=Count("id"))
    )
    return [(m, counted.get(m, 0), day) for m, day in ranked]


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


FACETS = [
    delegation_facet,
    theme_facet,
    body_facet,
    session_facet,
    kind_facet,
    review_facet,
    speaker_facet,
]
