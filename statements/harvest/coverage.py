"""What the archive holds against what press.un.org lists, per body and year, with the gaps.

For one body (security-council, general-assembly, ecosoc, other) and year: the releases the site
listed to the harvester (feed, listings, sitemap), those archived, those waiting for review, those
whose harvest failed (with why), and the gaps in each symbol series: numbers between the lowest and
highest archived symbol of a series that the archive lacks (GA/12386 and GA/12388 archived, not
GA/12387). A gap is not always a missing meeting release (a series also numbers other press
releases); each gap says what is known of it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import CharField, Count, F, Func, Value
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_noop

from meetings.models import Release
from statements.harvest.models import HarvestItem, ListedRelease, ReviewItem
from statements.harvest.sources import release_address, symbol_body, symbol_series

# English in the API; the coverage page translates them ({% translate report.body_name %}).
BODIES = {
    "security-council": gettext_noop("Security Council"),
    "general-assembly": gettext_noop("General Assembly"),
    "ecosoc": gettext_noop("Economic and Social Council"),
    "other": gettext_noop("Other bodies"),
}
FIRST_YEAR = 1995
GAP_LIMIT = 2000  # numbers listed per series at most (ranges keep the page short)


@dataclass(frozen=True)
class Entry:
    """One release of a body's year: its symbol, address, and (for failures) why."""

    symbol: str
    url: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Gap:
    """A run of missing numbers in a symbol series, and what is known of them."""

    series: str
    first: int
    last: int
    known: str  # listed (not yet fetched), waiting, failed, or "" when the site never listed it

    @property
    def label(self) -> str:
        if self.first == self.last:
            return f"{self.series}/{self.first}"
        return f"{self.series}/{self.first}–{self.last}"

    @property
    def size(self) -> int:
        return self.last - self.first + 1


@dataclass
class Coverage:
    """One body's year."""

    body: str
    year: int
    listed: list[Entry] = field(default_factory=list)
    archived: list[Entry] = field(default_factory=list)
    waiting: list[Entry] = field(default_factory=list)
    failed: list[Entry] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def body_name(self) -> str:
        return BODIES[self.body]

    @property
    def missing(self) -> int:
        return sum(gap.size for gap in self.gaps)

    def counts(self) -> dict[str, int]:
        return {
            "listed": len(self.listed),
            "archived": len(self.archived),
            "waiting": len(self.waiting),
            "failed": len(self.failed),
            "missing_in_sequence": self.missing,
        }


def valid(body: str, year: int) -> bool:
    return body in BODIES and FIRST_YEAR <= year <= datetime.date.today().year


def coverage_for(body: str, year: int) -> Coverage:
    """Everything known of a body's year (the caller checks ``valid`` first)."""
    result = Coverage(body, year)
    archived = {
        symbol: url
        for symbol, url in Release.objects.filter(date__year=year)
        .order_by("symbol")
        .values_list("symbol", "source_url")
        if symbol_body(symbol) == body
    }
    result.archived = [Entry(s, u) for s, u in archived.items()]
    result.listed = [
        Entry(row.symbol, row.url)
        for row in ListedRelease.objects.filter(body=body, year=year).order_by("symbol")
    ]
    waiting: dict[str, Entry] = {}
    for item in ReviewItem.objects.open().select_related("page").defer("page__content"):
        address = release_address(item.page.url)
        ours = address and address.body == body and address.year == year
        if ours and address.symbol not in archived:
            waiting[address.symbol] = Entry(address.symbol, item.page.url, item.reason[:300])
    result.waiting = sorted(waiting.values(), key=lambda e: e.symbol)
    failed: dict[str, Entry] = {}
    items = (
        HarvestItem.objects.filter(outcome="failed", url__contains=f"/{year}/")
        .order_by("run__started_at", "pk")
        .values_list("url", "message")
    )
    for url, message in items:  # the latest failure of each address wins
        address = release_address(url)
        if address and address.body == body and address.year == year:
            failed[address.symbol] = Entry(address.symbol, url, message[:300])
    result.failed = sorted(
        (e for s, e in failed.items() if s not in archived and s not in waiting),
        key=lambda e: e.symbol,
    )
    known = {e.symbol: "listed" for e in result.listed}
    known |= {e.symbol: "failed" for e in result.failed}
    known |= {e.symbol: "waiting" for e in result.waiting}
    result.gaps = sequence_gaps(list(archived), known)
    return result


def sequence_gaps(archived: list[str], known: dict[str, str]) -> list[Gap]:
    """Runs of numbers missing between the lowest and highest archived number of each series."""
    series: dict[str, set[int]] = {}
    for symbol in archived:
        if parsed := symbol_series(symbol):
            series.setdefault(parsed[0], set()).add(parsed[1])
    gaps = []
    for name in sorted(series):
        numbers = series[name]
        missing = [n for n in range(min(numbers), max(numbers) + 1) if n not in numbers]
        for number in missing[:GAP_LIMIT]:
            state = known.get(f"{name}/{number}", "")
            last = gaps[-1] if gaps else None
            if last and last.series == name and last.last == number - 1 and last.known == state:
                gaps[-1] = Gap(name, last.first, number, state)
            else:
                gaps.append(Gap(name, number, number, state))
    return gaps


def coverage_index() -> list[dict]:
    """Per body and year, the counts of releases listed and archived (the index page's table)."""
    rows: dict[tuple[str, int], dict] = {}

    def row(body: str, year: int) -> dict:
        blank = {"body": body, "body_name": BODIES[body], "year": year, "listed": 0, "archived": 0}
        return rows.setdefault((body, year), blank)

    prefix = Func(
        F("symbol"), Value("/"), Value(1), function="split_part", output_field=CharField()
    )
    archived = (
        Release.objects.annotate(year=ExtractYear("date"), prefix=prefix)
        .values("year", "prefix")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for group in archived:
        row(symbol_body(group["prefix"]), group["year"])["archived"] += group["n"]
    listed = ListedRelease.objects.values("body", "year").annotate(n=Count("pk")).order_by()
    for group in listed:
        if group["body"] in BODIES:
            row(group["body"], group["year"])["listed"] += group["n"]
    return sorted(rows.values(), key=lambda r: (-r["year"], list(BODIES).index(r["body"])))
