"""Turn a harvest request (dates, bodies, symbols, addresses) into addresses to visit."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from statements.harvest.client import FetchError, PoliteClient
from statements.harvest.listings import Found, read_listing, read_sitemap
from statements.harvest.sources import listing_url, release_address, symbol_urls


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
    sitemap: bool = False
    max_pages: int = 200

    def in_window(self, found: Found) -> bool:
        """Whether a found release falls in the date window (by its date, else its year)."""
        address = release_address(found.url)
        if self.since and found.modified and found.modified < self.since:
            return False
        day = found.date
        if day is None and address:
            low = self.since.year if self.since else address.year
            high = self.until.year if self.until else address.year
            return low <= address.year <= high
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def years(self) -> range:
        """The years the window covers (this year when open-ended)."""
        today = datetime.date.today()
        return range((self.since or today).year, (self.until or today).year + 1)


def discover(client: PoliteClient, request: Request) -> list[tuple[str, bool]]:
    """Addresses to visit, in order, each with whether a 404 is expected (a symbol's guess)."""
    if request.urls or request.symbols:
        guesses = [
            (u, True)
            for s in request.symbols
            for u in symbol_urls(request.base_url, s, request.years())
        ]
        return _unique([(u, False) for u in request.urls] + guesses)
    found = list(
        _from_sitemap(client, request) if request.sitemap else _from_listings(client, request)
    )
    return _unique([(item.url, False) for item in found if request.in_window(item)])


def _unique(items: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    seen: dict[str, bool] = {}
    for url, optional in items:
        seen.setdefault(url, optional)
    return list(seen.items())


def _from_listings(client: PoliteClient, request: Request) -> Iterator[Found]:
    """Walk each body's listing, newest first, until the pages are older than the window."""
    for language in request.languages:
        for body in request.bodies:
            url = listing_url(request.base_url, body=body, language=language, page=0)
            for _ in range(request.max_pages):
                listing = read_listing(client.get(url).content.decode("utf-8", "replace"), url)
                yield from listing.items
                if not listing.next_url or _older_than_window(listing.items, request):
                    break
                url = listing.next_url


def _older_than_window(items: tuple[Found, ...], request: Request) -> bool:
    """Whether a listing page is entirely older than the window (so later pages are too)."""
    dated = [item.date for item in items if item.date]
    return bool(request.since and dated and max(dated) < request.since)


def _from_sitemap(client: PoliteClient, request: Request) -> Iterator[Found]:
    """Read the sitemap index and its sitemaps; keep release pages modified in the window."""
    pending, seen = [request.base_url.rstrip("/") + "/sitemap.xml"], set()
    while pending and len(seen) < request.max_pages:
        url = pending.pop(0)
        seen.add(url)
        try:
            sitemap = read_sitemap(client.get(url).content, url)
        except FetchError:
            if url == request.base_url.rstrip("/") + "/sitemap.xml":
                raise
            continue
        pending += [u for u in sitemap.sitemaps if u not in seen]
        yield from sitemap.pages
