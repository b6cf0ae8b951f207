"""Statements-per-year charts: laid out here, drawn as inline SVG by a template (no JS, no CDN)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from html import escape as _escape  # Django's escape, without its lazy-string wrapper

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from statements.search.wording import PageWords

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 26
# Distinguishable by colour (each at least 3:1 on white) and by dash, for colour-blind readers.
PALETTE = [
    ("#1f5fa8", ""),
    ("#b3361b", "6 3"),
    ("#1d7a3a", "2 3"),
    ("#7b3fa0", "8 3 2 3"),
    ("#8a5a00", "4 4"),
    ("#00707a", "1 2"),
]
MAX_SERIES = len(PALETTE)


class _ByKey:
    """Answers a template's lookup by key, which Django tries before attributes: an SVG chart
    reads ~400 values a page, and each failed key lookup costs an exception."""

    def __getitem__(self, key: str):
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None


@dataclass(frozen=True)
class Bar(_ByKey):
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float
    url: str


@dataclass(frozen=True)
class Series(_ByKey):
    label: str
    color: str
    dash: str
    points: list[tuple[float, float, int, int]]  # x, y, year, count

    @property
    def path(self) -> str:
        return " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y, *_) in enumerate(self.points)
        )


@dataclass(frozen=True)
class YearChart(_ByKey):
    """Everything the SVG template needs, plus a data table for screen readers."""

    years: list[int]
    bars: list[Bar]
    series: list[Series]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    summary: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM

    @property
    def table(self) -> list[tuple[int, list[int]]]:
        """One row a year: the count of each series (or the single count)."""
        if self.bars:
            return [(b.year, [b.count]) for b in self.bars]
        columns = [{year: n for _, _, year, n in s.points} for s in self.series]
        return [(year, [c.get(year, 0) for c in columns]) for year in self.years]

    # The two parts with a node per year are built here (about 60 values and 30 translated
    # labels a chart: a third of a results page's template time as template nodes).

    @cached_property
    def bars_html(self) -> SafeString:
        """The bars, each a link to its year with a label for screen readers."""
        words = PageWords()
        return mark_safe("".join(_bar_html(bar, words) for bar in self.bars if bar.count))  # noqa: S308

    @cached_property
    def table_html(self) -> SafeString:
        """The rows of the data table: the year, then each count."""
        words = PageWords()
        return mark_safe(  # noqa: S308 (numbers only)
            "".join(
                f'<tr><th scope="row">{year}</th>'
                + "".join(f'<td class="num">{words.grouped(n)}</td>' for n in counts)
                + "</tr>"
                for year, counts in self.table
            )
        )


def _bar_html(bar: Bar, words: PageWords) -> str:
    total = words.grouped(bar.count)
    label = ngettext(
        "%(year)s: %(total)s statement. Show only %(year)s.",
        "%(year)s: %(total)s statements. Show only %(year)s.",
        bar.count,
    ) % {"year": bar.year, "total": _escape(total)}
    return (
        f'<a href="{_escape(bar.url)}" class="bar" aria-label="{label}">'
        f'<rect x="{bar.x:.1f}" y="{bar.y:.1f}" width="{bar.width:.1f}" height="{bar.height:.1f}">'
        f"<title>{bar.year}: {total}</title></rect></a>"
    )


def bar_chart(counts: dict[int, int], *, url_for_year: Callable[[int], str]) -> YearChart | None:
    """One bar a year, each a link that narrows the search to that year (none for one year)."""
    if len(counts) < 2:
        return None
    years = list(range(min(counts), max(counts) + 1))
    top = nice_max(max(counts.values()))
    slot = (WIDTH - LEFT - RIGHT) / len(years)
    bars = []
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        height = (HEIGHT - TOP - BOTTOM) * n / top
        width = min(slot * 0.76, 48)
        x = LEFT + i * slot + (slot - width) / 2
        bars.append(Bar(year, n, x, HEIGHT - BOTTOM - height, width, height, url_for_year(year)))
    total = sum(counts.values())
    peak = max(counts, key=counts.get)
    summary = gettext(
        "Statements per year, %(first)s–%(last)s: %(total)s in all, most in %(peak)s."
    ) % {
        "first": years[0],
        "last": years[-1],
        "total": number_format(total, force_grouping=True),
        "peak": peak,
    }
    return YearChart(years, bars, [], _x_labels(years, slot), _y_ticks(top), summary)


def line_chart(series: dict[str, dict[int, int]]) -> YearChart | None:
    """One line a delegation, to compare a few of them over the years (none for one year)."""
    if not series:
        return None
    all_years = {y for counts in series.values() for y in counts}
    if len(all_years) < 2:
        return None
    years = list(range(min(all_years), max(all_years) + 1))
    top = nice_max(max(n for counts in series.values() for n in counts.values()))
    slot = (WIDTH - LEFT - RIGHT) / len(years)
    lines = []
    for (label, counts), (color, dash) in zip(
        list(series.items())[:MAX_SERIES], PALETTE, strict=False
    ):
        points = [
            (
                LEFT + (i + 0.5) * slot,
                HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * counts.get(y, 0) / top,
                y,
                counts.get(y, 0),
            )
            for i, y in enumerate(years)
        ]
        lines.append(Series(label, color, dash, points))
    names = ", ".join(series)
    summary = gettext("Statements per year, %(first)s–%(last)s, compared for %(names)s.") % {
        "first": years[0],
        "last": years[-1],
        "names": names,
    }
    return YearChart(years, [], lines, _x_labels(years, slot), _y_ticks(top), summary)


def nice_max(value: int) -> int:
    """Round the axis top up to 1, 2 or 5 times a power of ten."""
    if value <= 5:
        return max(value, 1)
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _y_ticks(top: int) -> list[tuple[float, str]]:
    span = HEIGHT - TOP - BOTTOM
    return [(HEIGHT - BOTTOM - span * f, f"{round(top * f):,}") for f in (0, 0.5, 1)]


def _x_labels(years: list[int], slot: float) -> list[tuple[float, str]]:
    every = max(1, math.ceil(len(years) / 12))
    return [
        (LEFT + (i + 0.5) * slot, str(y))
        for i, y in enumerate(years)
        if i % every == 0 or i == len(years) - 1
    ]
