"""Measure a first back-fill and a daily --new run against the local site (run by hand).

Run: python3 dev.py test tests/harvest/measure_harvest.py -s -p no:cacheprovider

The local site is shaped like press.un.org as the stored listings show it (listing-evidence.tsv):
the all-bodies listing holds about 60 pages a year in English (2016 rows on page 507, 2020 rows on
page 260, 2024 rows on page 0) and, by assumption, half that in French; 20 undated rows a page.
The measured year is scaled down by SCALE (a full year means about 1,800 real ingests, too heavy for
the shared test machine); the requests of a full year follow the same count, printed beside it.
Time at the default delay is requests x 2 s (running it at 2 s would take hours): printed too.
"""

from __future__ import annotations

import io
import re
import time

import pytest
from django.core.management import call_command

from statements.harvest.models import HarvestRun
from tests.harvest.listing_pages import Row, listing_page
from tests.harvest.server import FIXTURES, GOLDEN

pytestmark = pytest.mark.django_db
ROWS = 20
PAGES_A_YEAR = {"en": 60, "fr": 30}
SCALE = 8  # the measured year holds 1/SCALE of a real year's pages
YEARS = (2026, 2025, 2024)  # the listing holds these years, newest first
DELAY = 2.0
EN_PAGE = (GOLDEN / "sc_2021_06_29_press_un_org.html").read_bytes()
FR_PAGE = (FIXTURES / "release_current_fr_cs15361.html").read_bytes()
RELEASE = re.compile(r"^/(en|fr)/(\d{4})/(sc|cs)(\d+)\.doc\.htm$")


class Site:
    """A listing per language, newest first: ``published`` releases a year, made on request."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.rows = {lang: self._rows(lang) for lang in PAGES_A_YEAR}

    def _rows(self, language: str) -> list[Row]:
        rows, number = [], 90000
        for year in YEARS:
            for _ in range(PAGES_A_YEAR[language] * ROWS // SCALE):
                slug = ("sc" if language == "en" else "cs") + str(number)
                rows.append(Row(f"/{language}/{year}/{slug}.doc.htm", "Meeting"))
                number -= 1
        return rows

    def publish(self, count: int) -> None:
        """New releases at the top of each listing (a day's worth)."""
        for language, rows in self.rows.items():
            top = int(re.search(r"(\d+)\.doc", rows[0].path).group(1))
            prefix = "sc" if language == "en" else "cs"
            new = [Row(f"/{language}/2026/{prefix}{top + n}.doc.htm", "Meeting")
                   for n in range(count, 0, -1)]  # fmt: skip
            self.rows[language] = new + rows

    def page(self, path: str) -> bytes | None:
        if match := re.match(r"^/(en|fr)/content/meetings-coverage(?:\?page=(\d+))?$", path):
            language, number = match.group(1), int(match.group(2) or 0)
            rows = self.rows[language][number * ROWS : (number + 1) * ROWS]
            more = (number + 1) * ROWS < len(self.rows[language])
            return listing_page("Meetings Coverage", rows, next_href=f"?page={number + 1}" * more)
        if match := RELEASE.match(path):
            language, _, prefix, number = match.groups()
            if language == "en":  # a distinct release of a distinct meeting each
                page = EN_PAGE.replace(b"8811th", f"{int(number) - 80000}th".encode())
                return page.replace(b"14567", number.encode())
            page = FR_PAGE.replace(b"9381e", f"{int(number) - 70000}e".encode())
            return page.replace(b"15361", number.encode())
        if match := re.match(r"^/(en|fr)/rss\.xml$", path):
            return self.feed(match.group(1))
        return None

    def feed(self, language: str) -> bytes:
        items = "".join(
            f"<item><title>Meeting</title><link>{self.base_url}{row.path}</link>"
            f"<pubDate>Mon, 07 Dec 2026 12:00:00 -0500</pubDate>"
            f"<guid>{self.base_url}{row.path}</guid></item>"
            for row in self.rows[language][:10]
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def run(*args: str) -> tuple[float, HarvestRun, str]:
    out = io.StringIO()
    start = time.perf_counter()
    try:
        call_command("harvest_press_releases", *args, "--no-progress", stdout=out, stderr=out)
    except Exception as exc:  # noqa: BLE001 (a failed run still measures)
        out.write(str(exc))
    return time.perf_counter() - start, HarvestRun.objects.first(), out.getvalue()


def report(name: str, seconds: float, requests: int, releases: int) -> None:
    print(
        f"\n{name}: {requests} requests ({releases} releases), {seconds:.1f} s on our side at"
        f" delay 0; at the default {DELAY:g} s delay: {requests * DELAY / 60:.1f} min"
        f" ({requests * DELAY / 3600:.2f} h) of waiting plus the site's response times"
    )


def test_measure_backfill_and_daily_new(harvest_settings, site):
    model = Site(site.base_url)
    site.dynamic = model.page
    seconds, backfill, output = run("--backfill", "2025")
    print(output)
    report(f"Back-fill of 2025 (scaled 1/{SCALE})", seconds, len(site.requests), backfill.new)
    assert backfill.new == sum(PAGES_A_YEAR.values()) * ROWS // SCALE
    pages = sum(PAGES_A_YEAR.values())
    full = pages + pages * ROWS + 2 * 25  # pages, releases, about 25 probes a language
    print(f"A full year at the same shape: about {full:,} requests, {full * DELAY / 3600:.1f} h")

    run("--backfill", "2026")  # the archive is up to date
    model.publish(12)  # a day: 12 new releases a language
    before = len(site.requests)
    seconds, daily, output = run("--new")
    print(output)
    report("Daily --new (12 new releases a language)", seconds, len(site.requests) - before,
           daily.new)  # fmt: skip
    assert daily.new == 24

    harvest_settings.HARVEST_DELAY = DELAY  # the next day, run for real at the default delay
    model.publish(12)
    before = len(site.requests)
    seconds, daily, output = run("--new")
    print(
        f"\nDaily --new at the real {DELAY:g} s delay: {len(site.requests) - before} requests,"
        f" {daily.new} releases, {seconds:.1f} s wall time"
    )
    assert daily.new == 24
