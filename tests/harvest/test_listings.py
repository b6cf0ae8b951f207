"""Discovery reads what the real site offers: the feed, undated listings (both eras), sitemaps."""

from __future__ import annotations

import csv
import datetime
import re
from pathlib import Path

import pytest

from statements.harvest.listings import (
    DiscoveryError,
    Found,
    challenge_reason,
    read_feed,
    read_listing,
    read_sitemap,
)
from statements.harvest.sources import listing_url, release_address, symbol_urls
from statements.harvest.targets import Request
from tests.harvest.listing_pages import CHALLENGE, OLD_ERA, SITE_LISTINGS
from tests.harvest.server import FIXTURES

BASE = "https://press.un.org"
CORPORA = Path(__file__).resolve().parents[1] / "parsing"
GA, SC = "general-assembly", "security-council"


def test_the_real_feed_tells_meetings_from_blogs_statements_and_briefings():
    items = read_feed((FIXTURES / "un_press_rss.xml").read_bytes(), f"{BASE}/en/rss.xml")
    assert [(i.url.removeprefix(BASE), i.kind) for i in items] == [
        ("/en/2026/sc16444.doc.htm", "meeting"),
        ("/en/blog/sc16444", "blog"),
        ("/en/2026/sgsm23255.doc.htm", "statement"),
        ("/en/2026/db260828.doc.htm", "briefing"),
    ]
    assert items[0].published.isoformat() == "2026-08-28T18:35:09-04:00"
    assert items[0].found() == Found(
        f"{BASE}/en/2026/sc16444.doc.htm", datetime.date(2026, 8, 28), "SC/16444"
    )


def test_a_challenge_instead_of_the_feed_is_an_error_with_its_reason():
    with pytest.raises(DiscoveryError, match="not an RSS feed"):
        read_feed(b"<html><body>hi</body></html>", f"{BASE}/en/rss.xml")
    assert challenge_reason(CHALLENGE).startswith("a bot-challenge page (3,")
    assert "no release links" in challenge_reason(b"<html><body>" + b"word " * 100 + b"</body>")


def test_undated_listing_rows_give_address_and_symbol_and_the_next_page():
    url = f"{BASE}/en/content/meetings-coverage?page=1"
    page = read_listing(SITE_LISTINGS["/en/content/meetings-coverage?page=1"].decode(), url)
    assert [(i.url.removeprefix(BASE), i.date, i.symbol) for i in page.items] == [
        ("/en/2021/db210629.doc.htm", None, ""),
        ("/en/2016/sc12284.doc.htm", None, "SC/12284"),
    ]
    assert page.next_url == f"{BASE}/en/content/meetings-coverage?page=2"
    first = read_listing(SITE_LISTINGS["/en/content/meetings-coverage"].decode(), url)
    assert len(first.items) == 3 and all(i.date is None and not i.symbol for i in first.items)


def test_french_listing_at_the_english_slug_with_upper_case_addresses():
    path = "/fr/content/meetings-coverage"
    page = read_listing(SITE_LISTINGS[path].decode(), BASE + path)
    assert [i.symbol for i in page.items] == ["CS/15361", "AG/AB/3988"]
    assert release_address(page.items[1].url).year == 2011
    assert page.next_url is None
    assert listing_url(BASE, body="security-council", language="fr", page=14) == (
        f"{BASE}/fr/content/security-council/meetings-coverage?page=14"
    )


def test_old_era_listings_print_dates_in_english_and_french():
    url = "https://www.un.org/press/en/content/security-council/meetings-coverage"
    page = read_listing(
        OLD_ERA["/press/en/content/security-council/meetings-coverage"].decode(), url
    )
    assert [i.date for i in page.items] == [datetime.date(2017, 5, 26), datetime.date(2017, 5, 25)]
    assert page.next_url == url + "?page=1"
    url = url.replace("/en/", "/fr/")
    page = read_listing(
        OLD_ERA["/press/fr/content/security-council/meetings-coverage"].decode(), url
    )
    assert (page.items[0].date, page.items[0].symbol) == (datetime.date(2019, 2, 20), "CS/13707")


def test_a_link_over_500_characters_is_not_a_release():
    long_path = "/en/2021/sc" + "1" * 6 + ".doc.htm?" + "x" * 600
    html = f'<main><div class="views-row"><a href="{long_path}">x</a></div></main>'
    assert read_listing(html, BASE + "/en/content/meetings-coverage").items == ()


@pytest.mark.parametrize(
    ("url", "language", "year", "symbol", "body"),
    [
        (f"{BASE}/en/2021/sc14567.doc.htm", "en", 2021, "SC/14567", "security-council"),
        (f"{BASE}/en/1999/19991124.gaef2899.doc.html", "en", 1999, "GA/EF/2899", GA),
        (f"{BASE}/en/2000/20000929.gaspd186.doc.html", "en", 2000, "GA/SPD/186", GA),
        (f"{BASE}/fr/2011/AGAB3988.doc.htm", "fr", 2011, "AG/AB/3988", "general-assembly"),
        (f"{BASE}/fr/2001/agj353.doc.htm", "fr", 2001, "AG/J/353", "general-assembly"),
        (f"{BASE}/fr/2010/ecosoc6430.doc.htm", "fr", 2010, "ECOSOC/6430", "ecosoc"),
        ("http://www.un.org/News/Press/docs/2000/20001121.gal3174.doc.html", "en", 2000,
         "GA/L/3174", "general-assembly"),
        ("https://www.un.org/News/fr-press/docs/2009/CS9800.doc.htm", "fr", 2009, "CS/9800",
         "security-council"),
        ("https://www.un.org/press/fr/2004/CS2669.doc.htm", "fr", 2004, "CS/2669", SC),
        ("https://www.un.org/press/en/2014/gacol3268.doc.htm", "en", 2014, "GA/COL/3268",
         "general-assembly"),
        (f"{BASE}/en/2015/wom2021.doc.htm", "en", 2015, "WOM/2021", "other"),
        (f"{BASE}/en/2026/sgsm23255.doc.htm", "en", 2026, "SG/SM/23255", ""),
        # Variants of real addresses in the parser's corpora (tests/parsing/devset)
        (f"{BASE}/fr/1996/19961015.agshc.246.html", "fr", 1996, "AG/SHC/246", GA),
        ("https://www.un.org/press/en/2012/ga11266Rev1.doc.htm", "en", 2012, "GA/11266/Rev.1", GA),
        ("http://www.un.org/News/Press/docs//2008/ecosoc6313.doc.htm", "en", 2008, "ECOSOC/6313",
         "ecosoc"),
        (f"{BASE}/en/1999/19990205.eco5813.html", "en", 1999, "ECOSOC/5813", "ecosoc"),
        (f"{BASE}/en/1998/19981028.gash3488.html", "en", 1998, "GA/SHC/3488", GA),
        (f"{BASE}/fr/2004/cpsd307.doc.htm", "fr", 2004, "CPSD/307", GA),
        (f"{BASE}/fr/2005/cd2986.doc.htm", "fr", 2005, "CD/2986", "other"),
        ("http://www.un.org/press/en/2014/soc4814.doc.htm", "en", 2014, "SOC/4814", "other"),
    ],
)  # fmt: skip
def test_every_address_form_1995_2026(url, language, year, symbol, body):
    address = release_address(url)
    assert (address.language, address.year, address.symbol, address.body) == (
        language, year, symbol, body
    )  # fmt: skip


def corpus_addresses() -> list[tuple[str, str]]:
    """Every press.un.org or un.org/press address of the parser's corpora, with its symbol."""
    rows = []
    for manifest in sorted(CORPORA.glob("**/MANIFEST.tsv")):
        with manifest.open(encoding="utf-8") as lines:
            for row in csv.DictReader(lines, delimiter="\t"):
                url = row["url"].strip()
                if re.match(r"https?://(press\.un\.org|www\.un\.org/(press|News))/", url):
                    rows.append((url, (row.get("symbol") or "").strip()))
    return rows


def test_every_real_release_address_of_the_corpora_is_a_meeting_release():
    addresses = corpus_addresses()
    assert len(addresses) > 200
    for url, symbol in addresses:
        address = release_address(url)
        assert address is not None and address.is_meeting, url
        assert not symbol or address.symbol.upper() == symbol.upper(), (url, symbol)
    keys = [release_address(url).key for url, _ in addresses]
    assert "en:ga11266rev1" in keys and "fr:agshc246" in keys


def test_not_releases():
    assert release_address(f"{BASE}/en/blog/sc16444") is None
    assert release_address(f"{BASE}/en/content/meetings-coverage") is None
    assert release_address("http://[::1") is None


def test_symbol_guesses():
    assert symbol_urls(BASE, "GA/SHC/4320", range(2021, 2022)) == [
        f"{BASE}/en/2021/gashc4320.doc.htm"
    ]
    assert symbol_urls(BASE, "CS/15357", range(2023, 2024))[0].endswith("/fr/2023/cs15357.doc.htm")
    with pytest.raises(ValueError, match="does not look like"):
        symbol_urls(BASE, "hello", range(2021, 2022))


def test_sitemap_index_and_urlset():
    index = read_sitemap((FIXTURES / "sitemap_index.xml").read_bytes(), f"{BASE}/sitemap.xml")
    assert index.sitemaps == (f"{BASE}/sitemap.xml?page=1",) and not index.pages
    pages = read_sitemap((FIXTURES / "sitemap_page1.xml").read_bytes(), index.sitemaps[0]).pages
    assert len(pages) == 4  # the home page and the listing are not release addresses
    assert pages[0] == Found(
        f"{BASE}/en/2021/ga12399.doc.htm", modified=datetime.date(2021, 11, 23)
    )
    with pytest.raises(DiscoveryError, match="not valid XML"):
        read_sitemap(b"<html>oops", f"{BASE}/sitemap.xml")


def test_window_by_date_then_by_address_year():
    request = Request(BASE, since=datetime.date(2021, 7, 1), until=datetime.date(2021, 12, 31))
    since = request.since
    dated = Found(f"{BASE}/en/2021/ga12399.doc.htm", datetime.date(2021, 11, 23))
    assert request.in_window(dated, since)
    assert not request.in_window(Found(dated.url, datetime.date(2021, 6, 29)), since)
    assert request.in_window(Found(f"{BASE}/en/2021/sc1234.doc.htm"), since)  # undated: its year
    assert not request.in_window(Found(f"{BASE}/en/2016/sc12284.doc.htm"), since)
    assert request.older_than(Found(f"{BASE}/en/2016/sc12284.doc.htm"), since)
    assert not request.older_than(Found(f"{BASE}/en/2021/sc1.doc.htm"), since)  # maybe not
    stale = Found(f"{BASE}/en/2021/sc12.doc.htm", modified=datetime.date(2021, 6, 30))
    assert not request.in_window(stale, since)
