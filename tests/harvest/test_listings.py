"""Discovery reads the recorded listing pages (both layouts) and sitemaps."""

from __future__ import annotations

import datetime

import pytest

from statements.harvest.listings import DiscoveryError, Found, read_listing, read_sitemap
from statements.harvest.sources import listing_url, release_address, symbol_urls
from statements.harvest.targets import Request
from tests.harvest.server import FIXTURES

BASE = "https://press.un.org"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def test_current_listing_gives_releases_with_dates_symbols_and_the_next_page():
    page = read_listing(fixture("listing_all_page0.html"), f"{BASE}/en/content/meetings-coverage")
    urls = [item.url for item in page.items]
    assert urls[:2] == [f"{BASE}/en/2021/ga12399.doc.htm", f"{BASE}/en/2021/sc14567.doc.htm"]
    assert page.items[0].date == datetime.date(2021, 11, 23)
    assert page.items[1].symbol == "SC/14567"
    assert page.next_url == f"{BASE}/en/content/meetings-coverage?page=1"
    assert f"{BASE}/en" not in urls  # menus are not releases


def test_last_listing_page_has_no_next():
    page = read_listing(fixture("listing_all_page1.html"), f"{BASE}/en/content/meetings-coverage")
    assert page.next_url is None
    assert [i.date for i in page.items] == [datetime.date(2016, 3, 14)]


def test_2010_2018_listing_layout():
    url = "http://www.un.org/press/en/content/security-council/meetings-coverage"
    page = read_listing(fixture("listing_sc_2010_2018.html"), url)
    assert [(i.url.rsplit("/", 1)[1], i.date) for i in page.items] == [
        ("sc12284.doc.htm", datetime.date(2016, 3, 14)),
        ("sc12280.doc.htm", datetime.date(2016, 3, 11)),
    ]
    assert page.next_url == url + "?page=1"


def test_sitemap_index_and_urlset():
    index = read_sitemap((FIXTURES / "sitemap_index.xml").read_bytes(), f"{BASE}/sitemap.xml")
    assert index.sitemaps == (f"{BASE}/sitemap.xml?page=1",) and not index.pages
    pages = read_sitemap((FIXTURES / "sitemap_page1.xml").read_bytes(), index.sitemaps[0]).pages
    assert len(pages) == 4  # the home page and the listing are not release addresses
    assert pages[0] == Found(
        f"{BASE}/en/2021/ga12399.doc.htm", modified=datetime.date(2021, 11, 23)
    )


def test_bad_sitemap_is_a_clear_error():
    with pytest.raises(DiscoveryError, match="not valid XML"):
        read_sitemap(b"<html>oops", f"{BASE}/sitemap.xml")


def test_addresses_symbols_and_listings():
    address = release_address("https://www.un.org/press/en/2016/sc12284.doc.htm")
    assert (address.language, address.year, address.slug) == ("en", 2016, "sc12284")
    assert release_address(f"{BASE}/en/content/meetings-coverage") is None
    assert symbol_urls(BASE, "GA/SHC/4320", range(2021, 2022)) == [
        f"{BASE}/en/2021/gashc4320.doc.htm"
    ]
    assert symbol_urls(BASE, "CS/15357", range(2023, 2024))[0].endswith("/fr/2023/cs15357.doc.htm")
    assert listing_url(BASE, body="security-council", language="en", page=2).endswith(
        "/security-council/meetings-coverage?page=2"
    )
    with pytest.raises(ValueError, match="does not look like"):
        symbol_urls(BASE, "hello", range(2021, 2022))


def test_window_uses_dates_then_years_and_sitemap_lastmod():
    request = Request(BASE, since=datetime.date(2021, 7, 1), until=datetime.date(2021, 12, 31))
    assert request.in_window(Found(f"{BASE}/en/2021/ga12399.doc.htm", datetime.date(2021, 11, 23)))
    assert not request.in_window(
        Found(f"{BASE}/en/2021/sc14567.doc.htm", datetime.date(2021, 6, 29))
    )
    assert request.in_window(Found(f"{BASE}/en/2021/sc1234.doc.htm"))
    assert not request.in_window(Found(f"{BASE}/en/2016/sc12284.doc.htm"))
    stale = Found(f"{BASE}/en/2021/x12.doc.htm", modified=datetime.date(2021, 6, 30))
    assert not request.in_window(stale)
