"""Read what press.un.org offers for discovery: listing pages and sitemaps (pure, no I/O)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree, html

from statements.harvest.sources import release_address
from statements.parsing.dates import parse_date_line, parse_iso_date

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
        url = urljoin(page_url, link.get("href")).split("#")[0]
        if url in found or release_address(url) is None:
            continue
        row = next(iter(link.xpath(_ROW)), link.getparent())
        found[url] = Found(url, _row_date(row), _row_symbol(row))
    return Listing(tuple(found.values()), _next_url(root, page_url))


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
    match = _SYMBOL_TEXT.search(row.text_content())
    return match.group(0) if match else ""


def _next_url(root: html.HtmlElement, page_url: str) -> str | None:
    """The pager's next page, absolute."""
    links = root.xpath(_NEXT)
    return urljoin(page_url, links[0].get("href")) if links else None


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
        urljoin(sitemap_url, loc.strip())
        for loc in root.xpath("//sm:sitemap/sm:loc/text()", namespaces=_SITEMAP_NS)
    )
    pages = []
    for entry in root.xpath("//sm:url", namespaces=_SITEMAP_NS):
        loc = "".join(entry.xpath("sm:loc/text()", namespaces=_SITEMAP_NS)).strip()
        lastmod = "".join(entry.xpath("sm:lastmod/text()", namespaces=_SITEMAP_NS)).strip()
        url = urljoin(sitemap_url, loc)
        if release_address(url):
            pages.append(Found(url, modified=parse_iso_date(lastmod) if lastmod else None))
    return Sitemap(nested, tuple(pages))
