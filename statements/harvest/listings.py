"""Read what press.un.org offers for discovery: listing pages and sitemaps (pure, no I/O)."""

from __future__ import annotations

import datetime
import email.utils
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree, html

from statements.harvest.sources import release_address
from statements.parsing.dates import parse_date_line, parse_iso_date

URL_LIMIT = 500  # longer addresses are not releases (and do not fit the archive's columns)

_SYMBOL_TEXT = re.compile(r"\b(?:[A-Z]{2,6}/){1,2}\d{2,6}\b")
_ROW = (
    "ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' views-row ')"
    " or self::article][1]"
)
_NEXT = (
    "//a[@rel='next'] | //li[contains(@class, 'pager__item--next')]//a"
    " | //li[contains(@class, 'pager-next')]//a"
)
_SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class DiscoveryError(ValueError):
    """A listing page or sitemap could not be read."""


@dataclass(frozen=True)
class Found:
    """A release address found by discovery, with the date and symbol printed beside it."""

    url: str
    date: datetime.date | None = None
    symbol: str = ""
    modified: datetime.date | None = None


@dataclass(frozen=True)
class Listing:
    """One listing page: its releases in page order and the next page's address."""

    items: tuple[Found, ...]
    next_url: str | None


def read_listing(text: str, page_url: str) -> Listing:
    """Read a Meetings Coverage listing page (press.un.org today, or www.un.org/press 2010-2018)."""
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise DiscoveryError(f"{page_url}: the listing page could not be parsed ({exc}).") from exc
    main = next(iter(root.xpath("//main | //*[@id='content']")), root)
    found: dict[str, Found] = {}
    for link in main.xpath(".//a[@href]"):
        url = _absolute(page_url, link.get("href"))
        if not url or url in found or release_address(url) is None:
            continue
        row = next(iter(link.xpath(_ROW)), link.getparent())
        found[url] = Found(url, _row_date(row), _row_symbol(row))
    return Listing(tuple(found.values()), _next_url(root, page_url))


def _absolute(base: str, href: str | None) -> str:
    """An absolute address without its fragment; "" when unusable or too long."""
    try:
        url = urljoin(base, (href or "").strip()).split("#")[0]
    except ValueError:
        return ""
    return url if len(url) <= URL_LIMIT and url.startswith(("http://", "https://")) else ""


def _row_date(row: html.HtmlElement) -> datetime.date | None:
    """The date printed in a listing row: a time element, a content attribute, or its text."""
    for value in row.xpath(".//time/@datetime | .//*[@content]/@content"):
        if date := parse_iso_date(str(value)):
            return date
    for text in row.xpath(".//text()"):
        if date := parse_date_line(str(text)):
            return date
    return None


def _row_symbol(row: html.HtmlElement) -> str:
    """The release symbol printed in a listing row, if any."""
    match = _SYMBOL_TEXT.search(" ".join(row.itertext()))  # elements' texts kept apart
    return match.group(0) if match else ""


def _next_url(root: html.HtmlElement, page_url: str) -> str | None:
    """The pager's next page, absolute."""
    links = root.xpath(_NEXT)
    return (_absolute(page_url, links[0].get("href")) or None) if links else None


@dataclass(frozen=True)
class Sitemap:
    """A sitemap: either an index of further sitemaps or a list of pages with lastmod dates."""

    sitemaps: tuple[str, ...]
    pages: tuple[Found, ...]


def read_sitemap(data: bytes, sitemap_url: str) -> Sitemap:
    """Read a sitemap or sitemap index; only release addresses are kept from a urlset."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"{sitemap_url}: the sitemap is not valid XML ({exc}).") from exc
    nested = tuple(
        url
        for loc in root.xpath("//sm:sitemap/sm:loc/text()", namespaces=_SITEMAP_NS)
        if (url := _absolute(sitemap_url, loc))
    )
    pages = []
    for entry in root.xpath("//sm:url", namespaces=_SITEMAP_NS):
        loc = "".join(entry.xpath("sm:loc/text()", namespaces=_SITEMAP_NS)).strip()
        lastmod = "".join(entry.xpath("sm:lastmod/text()", namespaces=_SITEMAP_NS)).strip()
        url = _absolute(sitemap_url, loc)
        if url and release_address(url):
            pages.append(Found(url, modified=parse_iso_date(lastmod) if lastmod else None))
    return Sitemap(nested, tuple(pages))


@dataclass(frozen=True)
class FeedItem:
    """One item of the site's RSS feed, with what kind of page it links to."""

    url: str
    kind: str  # meeting, blog, statement, briefing, other
    published: datetime.datetime | None
    title: str

    def found(self) -> Found:
        address = release_address(self.url)
        day = self.published.date() if self.published else None
        return Found(self.url, day, address.symbol if address else "")


def read_feed(data: bytes, feed_url: str) -> tuple[FeedItem, ...]:
    """Read the RSS 2.0 feed: each item's address (link, else GUID), date and kind."""
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        )
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"{feed_url}: the feed is not valid XML ({exc}).") from exc
    if root.tag != "rss" or not root.xpath("channel"):
        raise DiscoveryError(f"{feed_url}: not an RSS feed (its root is <{root.tag}>).")
    items = []
    for item in root.xpath("channel/item"):
        link = "".join(item.xpath("link/text()")).strip() or "".join(item.xpath("guid/text()"))
        url = _absolute(feed_url, link.strip())
        if not url:
            continue
        published = _rss_date("".join(item.xpath("pubDate/text()")))
        title = " ".join("".join(item.xpath("title/text()")).split())[:300]
        items.append(FeedItem(url, feed_kind(url), published, title))
    return tuple(items)


def feed_kind(url: str) -> str:
    """What a feed item links to: a Meetings Coverage release, a live blog, an SG statement..."""
    address = release_address(url)
    if address is None:
        return "blog" if "/blog/" in url else "other"
    if address.is_meeting:
        return "meeting"
    letters = address.letters
    if letters.startswith("sg"):
        return "statement"
    return "briefing" if letters == "db" else "other"


def _rss_date(text: str) -> datetime.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text.strip()) if text.strip() else None
    except (TypeError, ValueError, IndexError):
        return None


def challenge_reason(content: bytes) -> str:
    """Why a page that should hold releases holds none: a bot challenge, or an empty page."""
    try:
        root = html.document_fromstring(content or b"<html></html>")
    except (etree.ParserError, ValueError):
        return f"an unreadable page of {len(content):,} bytes"
    scripts = root.xpath("//script")
    for node in root.xpath("//script | //style | //noscript"):
        node.drop_tree()
    words = len(root.text_content().split())
    if scripts and words < 60:
        return (
            f"a bot-challenge page ({len(content):,} bytes, {len(scripts)} script(s),"
            f" {words} words of text)"
        )
    return f"a page of {len(content):,} bytes with no release links"


def page_years(items: tuple[Found, ...]) -> list[int]:
    """The years a listing page's rows belong to: their printed date, else their address."""
    years = []
    for item in items:
        address = release_address(item.url)
        if item.date:
            years.append(item.date.year)
        elif address:
            years.append(address.year)
    return years
