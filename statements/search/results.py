"""What every statement list shows: a page of results, snippets, facets, chips and a chart.

Matches, totals, facet counts and the chart come from the search index (exact); rows and snippets
for the page shown come from PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from html import escape as _escape  # Django's escape, without its lazy-string wrapper

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from statements.models import Statement
from statements.search import cards, compiled, facets
from statements.search import query as search
from statements.search.chart import MAX_SERIES, YearChart, bar_chart, line_chart
from statements.search.filters import SORT_CHOICES, StatementFilter
from statements.search.index import readers
from statements.search.pagination import ResultPage, engine_page
from statements.search.state import QueryState
from statements.search.wording import PageWords


@dataclass(frozen=True)
class Result:
    """A statement on a list page, with its snippet.

    Python reads `.statement` (the model). Templates read `result.statement` by key, which
    Django's lookup tries first: they get the card's precomputed fields (statements.search.cards).
    """

    statement: Statement
    snippet: str | None
    card: dict | None = None

    def __getitem__(self, key: str):
        if key == "statement" and self.card is not None:
            return self.card
        raise KeyError(key)  # the template falls back to attributes


@dataclass(frozen=True)
class Option:
    """A facet value as a link that adds it to, or takes it from, the search."""

    value: facets.FacetValue
    url: str
    words: PageWords = field(default_factory=PageWords, compare=False)

    @cached_property
    def html(self) -> SafeString:
        """The option's list item, built here: hundreds per page cost too much as a template."""
        return mark_safe(_option_html(self.value, self.url, self.words))  # noqa: S308 (escaped)

    def __getitem__(self, key: str):
        """Templates look a name up by key first: answering it spares an exception per option."""
        if key == "html":
            return self.html
        raise KeyError(key)


@lru_cache(maxsize=65536)
def _escaped(text: str) -> str:
    """html.escape of a label or word: the same few hundred recur on every page."""
    return _escape(text)


def _escaped_query(url: str) -> str:
    """html.escape of a QueryState link ("?" and urlencode's output, which percent-encodes
    every character HTML escapes but the "&" between pairs): one replace instead of five."""
    return url.replace("&", "&amp;")


def _option_html(v: facets.FacetValue, url: str, words: PageWords) -> str:
    selected = " is-selected" if v.selected else ""
    remove = (
        # outside the f-string, so makemessages finds the string
        '<span class="visually-hidden">' + _escape(gettext("Remove filter:")) + " </span>"
        if v.selected
        else ""
    )
    statements = _escaped(words.ngettext("statement", "statements", v.count))
    return (
        f'<li><a class="facet-link{selected}" href="{_escaped_query(url)}" rel="nofollow">'
        '<span class="box" aria-hidden="true"></span> '
        f'<span class="label">{remove}{_escaped(str(v.label))}</span> '
        f'<span class="count">{words.grouped(v.count)}'
        f'<span class="visually-hidden"> {statements}</span>'
        "</span></a></li>"
    )


@dataclass(frozen=True)
class Chip:
    """An active filter, with a link that removes it."""

    facet: str
    label: str
    url: str
    problem: str = ""  # why the value was ignored, for a chip of an unusable value


def statement_results(request: HttpRequest, fs: StatementFilter) -> dict:
    """The context of a list of statements: the page, with snippets for its rows only."""
    state = QueryState(fs.usable_query())
    spec = fs.spec()
    listing = _listing()
    page = engine_page(
        spec,
        sort=fs.sort_by,
        state=state,
        params=request.GET,
        fetch=lambda ids: readers.rows(listing, ids),
    )
    return {
        "filter": fs,
        "state": state,
        "page": page,
        "results": _results(page, fs),
        "notes": fs.notes,
        "sorts": [(value, label, state.url(sort=value)) for value, label in _sorts(fs)],
        "query": fs.query.text,
    }


@cache
def _listing():
    """The rows' query without its ids, built and compiled to SQL once a process: its subquery
    expressions cost milliseconds to build and to compile, and only the ids change."""
    rows = Statement.objects.with_related().with_theme_ids()
    return compiled.CompiledQuery(rows.filter(pk__any_of=compiled.ids()))


def _results(page: ResultPage, fs: StatementFilter) -> list[Result]:
    snippets = search.headlines([s.pk for s in page.items], fs.query.text)
    links, themes = cards.Links(), cards.themes_by_id()
    return [Result(s, snippets.get(s.pk), cards.card(s, links, themes)) for s in page.items]


def _sorts(fs: StatementFilter) -> list[tuple[str, str]]:
    return [(v, label) for v, label in SORT_CHOICES if v != "relevance" or fs.query]


def facet_context(fs: StatementFilter, state: QueryState, counts: dict | None = None) -> dict:
    """Facets with their links, the chips of active filters, the chart, and the forms' state
    (`counts`: the facet counts, when facets.start_counts was called first)."""
    found, years = facets.statement_facets(fs, counts)
    chart = results_chart(fs, state, years)
    words = PageWords()
    return {
        "facets": [_linked(f, state, words) for f in found],
        "chips": chips(fs, found, state),
        "clear_url": state.url(**{name: None for name in fs.filters if name != "sort"}),
        "chart": chart,
        "chart_caption": gettext("Per year, by delegation")
        if chart and chart.series
        else gettext("Per year"),
        "hidden_search": state.hidden_inputs(exclude=["q"]),
        "hidden_dates": state.hidden_inputs(exclude=["date_from", "date_to"]),
        "date_from_raw": state.query.get("date_from", ""),
        "date_to_raw": state.query.get("date_to", ""),
    }


def _linked(facet: facets.Facet, state: QueryState, words: PageWords) -> dict:
    groups = []
    for g in facet.groups:
        options = [Option(v, state.toggle(facet.name, v.value), words) for v in g.values]
        groups.append(
            {
                "label": g.label,
                "count": g.count,
                "open": g.has_selection,
                "options": options,
                "options_html": _joined(options),
            }
        )
    return {"facet": facet, "groups": groups, "size": len(facet.values)}


def _joined(options: list[Option]) -> SafeString:
    """A group's list items, as the template wrote them, one template node instead of ~300."""
    html = "".join(f"{_option_html(o.value, o.url, o.words)}\n      " for o in options)
    return mark_safe(html)  # noqa: S308 (each value is escaped)


def chips(fs: StatementFilter, found: list[facets.Facet], state: QueryState) -> list[Chip]:
    """One chip for the search words, each chosen value, each date bound and each ignored value.

    Links never carry an ignored value, so the chip of one links to the page without it.
    """
    result = []
    if fs.query:
        text = fs.query.text if '"' in fs.query.text else f"“{fs.query.text}”"
        result.append(Chip(gettext("Search"), text, state.url(q=None, sort=None)))
    for facet in found:
        for value in facet.values:
            if value.selected:
                result.append(Chip(facet.label, value.label, state.toggle(facet.name, value.value)))
    for name in ("date_from", "date_to"):
        if fs.data_cleaned.get(name):
            label = fs.filters[name].label
            result.append(Chip(label, state.query.get(name, ""), state.url(**{name: None})))
    for problem in fs.problems:
        label = fs.filters[problem.param].label
        result.append(Chip(label, problem.value, state.url(), problem=problem.reason))
    return result


def results_chart(
    fs: StatementFilter, state: QueryState, years: dict[int, int]
) -> YearChart | None:
    """Per year (counted with the facets); one line a delegation when a few are chosen."""
    chosen = fs.selected("delegation")
    if 2 <= len(chosen) <= MAX_SERIES:
        return line_chart(facets.year_counts_by_delegation(fs.spec(), chosen))
    return bar_chart(years, url_for_year=lambda y: state.url(date_from=str(y), date_to=str(y)))
