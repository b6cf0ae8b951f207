"""Turn a harvest request into addresses to visit, source by source.

The sources, in order: the RSS feed of each language (one small request, dated items, an ETag), the
Meetings Coverage listing of each body and language (for back-filling; its rows print no date
today, so paging stops at releases already archived or at addresses older than the window), and the
sitemap (on request). Each source is read and reported on its own: one that fails (a 404, a
bot-challenge page, an empty answer) is a failed source with its reason and never stops the others.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from statements.harvest.client import FetchError, PoliteClient
from statements.harvest.listings import (
    DiscoveryError,
    Found,
    Listing,
    challenge_reason,
    feed_kind,
    page_years,
    read_feed,
    read_listing,
    read_sitemap,
)
from statements.harvest.sources import feed_url, listing_url, release_address, symbol_urls


@dataclass(frozen=True)
class Source:
    """One place releases are discovered: a feed, a body's listing in a language, the sitemap."""

    kind: str  # feed, listing, sitemap
    language: str = ""
    body: str = ""

    @property
    def key(self) -> str:
        return ":".join(part for part in (self.kind, self.language, self.body) if part)


@dataclass
class Report:
    """What a source gave: its releases, or why it failed."""

    source: Source
    since: datetime.date | None
    found: list[Found] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)  # every release it lists, archived or not
    pages: int = 0
    failed: bool = False
    reason: str = ""
    etag: str = ""
    last_modified: str = ""


class SourceFailed(Exception):
    """A source could not be read; the message says why."""


@dataclass(frozen=True)
class Request:
    """What to harvest: a date window, bodies and languages, or explicit symbols and addresses."""

    base_url: str
    since: datetime.date | None = None
    until: datetime.date | None = None
    bodies: tuple[str, ...] = ("all",)
    languages: tuple[str, ...] = ("en",)
    symbols: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    feeds: bool = True
    listings: bool = True
    sitemap: bool = False
    max_pages: int = 200
    years: tuple[int, ...] = ()  # a back-fill of whole years
    since_by_source: dict[str, datetime.date | None] = field(default_factory=dict)
    validators: dict[str, tuple[str, str]] = field(default_factory=dict)
    start_pages: dict[str, int] = field(default_factory=dict)

    def sources(self) -> list[Source]:
        """The sources to read, feeds first, then listings, then the sitemap."""
        found = []
        if self.feeds and not self.years:
            found += [Source("feed", language) for language in self.languages]
        if self.listings:
            found += [
                Source("listing", lang, body) for lang in self.languages for body in self.bodies
            ]
        if self.sitemap:
            found.append(Source("sitemap"))
        return found

    def since_for(self, source: Source) -> datetime.date | None:
        """The window's start for a source (--new: from its own last successful run)."""
        if self.years:
            return datetime.date(min(self.years), 1, 1)
        return self.since_by_source.get(source.key, self.since)

    def until_day(self) -> datetime.date | None:
        return datetime.date(max(self.years), 12, 31) if self.years else self.until

    def in_window(self, found: Found, since: datetime.date | None) -> bool:
        """Whether a found release falls in the window (by its date, else its address's year)."""
        until = self.until_day()
        if since and found.modified and found.modified < since:
            return False
        if found.date is None:
            address = release_address(found.url)
            if address is None:
                return False
            low = since.year if since else address.year
            high = until.year if until else address.year
            return low <= address.year <= high
        return (since is None or found.date >= since) and (until is None or found.date <= until)

    def older_than(self, found: Found, since: datetime.date | None) -> bool:
        """Whether a found release is certainly older than the window (so later rows are too)."""
        if since is None:
            return False
        if found.date:
            return found.date < since
        address = release_address(found.url)
        return bool(address and address.year < since.year)

    def symbol_years(self) -> range:
        """The years a symbol is looked for (this year when open-ended)."""
        today = datetime.date.today()
        return range((self.since or today).year, (self.until or today).year + 1)


@dataclass
class Discovery:
    """Addresses to visit, each with whether a 404 is expected, and each source's report."""

    targets: list[tuple[str, bool]]
    reports: list[Report]


@dataclass
class Discoverer:
    """Read each source of a request with one client; ``known`` says what the archive holds."""

    client: PoliteClient
    request: Request
    known: Callable[[str], bool] = lambda url: False
    cache: dict[str, Listing] = field(default_factory=dict)

    def discover(self) -> Discovery:
        request = self.request
        if request.urls or request.symbols:
            guesses = [
                (u, True)
                for s in request.symbols
                for u in symbol_urls(request.base_url, s, request.symbol_years())
            ]
            return Discovery(_unique([(u, False) for u in request.urls] + guesses), [])
        reports, seen = [], set()
        for source in request.sources():
            report = Report(source, request.since_for(source))
            before = self.client.requests
            try:
                self._read(source, report, seen)
            except (SourceFailed, FetchError, DiscoveryError) as exc:
                report.failed, report.reason = True, str(exc)
            except Exception as exc:  # noqa: BLE001 (one source's surprise never stops the others)
                report.failed, report.reason = True, f"{type(exc).__name__}: {exc}"[:500]
            report.pages = self.client.requests - before
            seen.update(item.url for item in report.found)
            reports.append(report)
        for report in reports:  # an address off the allowed hosts and ports is never visited
            report.found = [item for item in report.found if self.client.permits(item.url)]
            report.listed = [url for url in report.listed if self.client.permits(url)]
        targets = [(item.url, False) for report in reports for item in report.found]
        return Discovery(_unique(targets), reports)

    def _read(self, source: Source, report: Report, seen: set[str]) -> None:
        read = {"feed": self._feed, "listing": self._listing, "sitemap": self._sitemap}
        read[source.kind](source, report, seen)

    def _feed(self, source: Source, report: Report, seen: set[str]) -> None:
        """The feed: its Meetings Coverage items in the window (live blogs and the rest are not)."""
        url = feed_url(self.request.base_url, language=source.language)
        etag, modified = self.request.validators.get(source.key, ("", ""))
        fetched = self.client.get(url, etag=etag, last_modified=modified)
        report.etag, report.last_modified = fetched.etag, fetched.last_modified
        if fetched.not_modified:
            report.reason = "not modified since the last read"
            return
        try:
            items = read_feed(fetched.content, url)
        except DiscoveryError as exc:
            raise SourceFailed(f"{url}: answered {challenge_reason(fetched.content)}.") from exc
        if not items:
            raise SourceFailed(f"{url}: the feed has no items ({len(fetched.content):,} bytes).")
        kinds: dict[str, int] = {}
        for item in items:
            kinds[item.kind] = kinds.get(item.kind, 0) + 1
            found = item.found()
            if item.kind == "meeting":
                report.listed.append(item.url)
            if item.kind == "meeting" and self.request.in_window(found, report.since):
                report.found.append(found)
        report.reason = f"{len(items)} items: " + ", ".join(f"{n} {k}" for k, n in kinds.items())

    def _listing(self, source: Source, report: Report, seen: set[str]) -> None:
        """Walk a listing newest first; stop at rows already archived or older than the window."""
        request, since = self.request, report.since
        page = request.start_pages.get(source.key, 0)
        for _ in range(request.max_pages):
            listing = self.listing_page(source, page)
            if listing is None:  # past the last page
                return
            items = listing.items
            for item in items:
                if feed_kind(item.url) in ("statement", "briefing"):
                    continue  # an SG statement or a briefing listed by mistake: no meeting
                report.listed.append(item.url)
                if not self.known(item.url) and request.in_window(item, since):
                    report.found.append(item)
            if self._stop_after(items, since, seen) or not listing.next_url:
                return
            page += 1
        report.reason = f"stopped after {request.max_pages} pages (--max-pages)"

    def _stop_after(self, items: tuple[Found, ...], since, seen: set[str]) -> bool:
        """Whether paging stops after this page: every row is older than the window, or (outside
        a back-fill) a row is a release the archive already holds (rows are newest first)."""
        if all(self.request.older_than(item, since) for item in items):
            return True
        if self.request.years:
            return False
        return any(self.known(item.url) for item in items)

    def listing_page(self, source: Source, page: int) -> Listing | None:
        """One listing page (cached for the run); None past the end (no rows, or a 404 after page
        0); a challenge, or a 404 on page 0, is a failure."""
        url = listing_url(self.request.base_url, body=source.body, language=source.language,
                          page=page)  # fmt: skip
        if url in self.cache:
            return self.cache[url]
        try:
            fetched = self.client.get(url)
        except FetchError as exc:
            if page and exc.status == 404:  # past the last page (a back-fill's probe)
                return None
            raise
        listing = read_listing(fetched.content.decode("utf-8", "replace"), url)
        if not listing.items:
            reason = challenge_reason(fetched.content)
            if page == 0 or reason.startswith("a bot-challenge"):
                raise SourceFailed(f"{url}: releases were expected; the site answered {reason}.")
            return None
        self.cache[url] = listing
        return listing

    def _sitemap(self, source: Source, report: Report, seen: set[str]) -> None:
        """Read the sitemap index and its sitemaps; keep release pages modified in the window."""
        first = self.request.base_url.rstrip("/") + "/sitemap.xml"
        pending, visited = [first], set()
        while pending and len(visited) < self.request.max_pages:
            url = pending.pop(0)
            visited.add(url)
            try:
                sitemap = read_sitemap(self.client.get(url).content, url)
            except (FetchError, DiscoveryError):
                if url == first:
                    raise
                continue
            pending += [u for u in sitemap.sitemaps if u not in visited]
            report.listed += [item.url for item in sitemap.pages]
            report.found += [
                item
                for item in sitemap.pages
                if not self.known(item.url) and self.request.in_window(item, report.since)
            ]


def _unique(items: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    seen: dict[str, bool] = {}
    for url, optional in items:
        seen.setdefault(url, optional)
    return list(seen.items())


@dataclass(frozen=True)
class Estimate:
    """What a back-fill of whole years will cost for one listing: pages, releases, requests."""

    source: Source
    first_page: int
    last_page: int
    per_page: float
    probes: int
    failed: str = ""

    @property
    def pages(self) -> int:
        return 0 if self.failed else self.last_page - self.first_page + 1

    @property
    def releases(self) -> int:
        return round(self.pages * self.per_page)

    def requests(self) -> int:
        return self.pages + self.releases


def estimate_backfill(discoverer: Discoverer, *, deepest: int = 4096) -> list[Estimate]:
    """Find each listing's pages for the years by bisection (rows are newest first)."""
    request = discoverer.request
    low_year, high_year = min(request.years), max(request.years)
    estimates = []
    for source in request.sources():
        if source.kind != "listing":
            continue
        before = discoverer.client.requests
        sizes: list[int] = []

        def years(page: int, source: Source = source, sizes: list[int] = sizes) -> list[int]:
            listing = discoverer.listing_page(source, page)
            if listing is None:
                return []
            sizes.append(len(listing.items))
            return page_years(listing.items)

        try:
            first = _first_page(lambda p: not (y := years(p)) or min(y) <= high_year, deepest)
            after = _first_page(lambda p: not (y := years(p)) or max(y) < low_year, deepest)
        except (SourceFailed, FetchError, DiscoveryError) as exc:
            probes = discoverer.client.requests - before
            estimates.append(Estimate(source, 0, 0, 0, probes, failed=str(exc)))
            continue
        last = max(first, after)  # the walk reads the page where it stops
        request.start_pages[source.key] = first  # the walk starts there, not at page 0
        per_page = sum(sizes) / len(sizes) if sizes else 0
        probes = discoverer.client.requests - before
        estimates.append(Estimate(source, first, last, per_page, probes))
    return estimates


def _first_page(test: Callable[[int], bool], deepest: int) -> int:
    """The first page for which a monotone test holds (probing 0, 1, 2, 4, ... then bisecting)."""
    if test(0):
        return 0
    low, high = 0, 1
    while high < deepest and not test(high):
        low, high = high, high * 2
    high = min(high, deepest)
    while high - low > 1:
        middle = (low + high) // 2
        if test(middle):
            high = middle
        else:
            low = middle
    return high
