"""harvest_press_releases against the local server: discovery, ingest, queue, 304s, resume, lock."""

from __future__ import annotations

import io

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from meetings.models import Ingestion, Release
from statements.harvest.models import HarvestedPage, HarvestItem, HarvestRun, ReviewItem
from statements.harvest.runner import Harvester
from statements.models import Statement

pytestmark = pytest.mark.django_db
SC, GA, OLD, BRIEF = (
    "/en/2021/sc14567.doc.htm",
    "/en/2021/ga12399.doc.htm",
    "/en/2016/sc12284.doc.htm",
    "/en/2021/db210629.doc.htm",
)


def harvest(*args: str) -> tuple[int, str]:
    """Run the command; return its exit code (0, or CommandError's) and its output."""
    out = io.StringIO()
    try:
        call_command("harvest_press_releases", *args, "--no-progress", stdout=out, stderr=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()


def test_harvest_discovers_ingests_and_queues(harvest_settings, site):
    code, output = harvest("--since", "2016-01-01")
    assert code == 1 and "1 of 4 pages failed" in output  # the briefing is not a release
    assert set(Release.objects.values_list("symbol", flat=True)) == {"SC/14567", "SC/12284"}
    release = Release.objects.get(symbol="SC/14567")
    assert release.source_url == site.base_url + SC and release.source_name == release.source_url
    assert Ingestion.objects.get(release=release).via == "harvest"
    run = HarvestRun.objects.get()
    assert run.counts() == {
        "fetched": 4, "new": 2, "updated": 0, "unchanged": 0, "queued": 2, "failed": 1
    }  # fmt: skip
    queue = {item.page.url.removeprefix(site.base_url): item for item in ReviewItem.objects.open()}
    assert set(queue) == {GA, BRIEF}
    assert "Atlantis" in queue[GA].reason and queue[GA].parsed
    assert "No statements found" in queue[BRIEF].reason
    page = HarvestedPage.objects.get(url=site.base_url + SC)
    assert bytes(page.content) == site.body(SC) and page.release == release and page.etag


def test_second_run_asks_conditionally_and_writes_nothing_twice(harvest_settings, site):
    harvest("--since", "2016-01-01")
    code, output = harvest("--since", "2016-01-01")
    assert code == 0, output
    second = HarvestRun.objects.first()
    assert second.counts()["unchanged"] == 4 and second.fetched == 0
    assert site.requests[-1][1].get("If-None-Match")
    assert Ingestion.objects.count() == 2 and ReviewItem.objects.count() == 2


def test_date_window_stops_paging_and_filters(harvest_settings, site):
    code, _ = harvest(
        "--since", "2021-07-01", "--until", "2021-12-31", "--body", "general-assembly"
    )
    assert code == 0
    assert [i.url for i in HarvestItem.objects.all()] == [site.base_url + GA]
    assert site.hits(SC) == 0


def test_url_list_and_symbol(harvest_settings, site):
    code, output = harvest(
        "--url",
        site.base_url + OLD,
        "--symbol",
        "SC/14567",
        "--since",
        "2020-01-01",
        "--until",
        "2021-12-31",
    )
    assert code == 0, output
    outcomes = dict(HarvestItem.objects.values_list("url", "outcome"))
    assert outcomes[site.base_url + OLD] == "new" and outcomes[site.base_url + SC] == "new"
    assert outcomes[site.base_url + "/en/2020/sc14567.doc.htm"] == "absent"  # a wrong-year guess


def test_french_listing_and_release(harvest_settings, site):
    code, output = harvest(
        "--language", "fr", "--body", "security-council", "--since", "2023-01-01"
    )
    assert code == 0, output
    release = Release.objects.get()  # French delegation names resolve through their aliases
    assert release.symbol == "CS/15361"
    assert release.source_url == site.base_url + "/fr/2023/cs15361.doc.htm"
    assert not ReviewItem.objects.exists()
    assert Statement.objects.filter(delegation__name="Norway").exists()


def test_a_page_calling_itself_a_news_sites_copy_is_queued(harvest_settings, site):
    body = site.body(SC).replace(site.base_url.encode(), b"https://news.example.com")
    site.overrides[SC] = body
    code, output = harvest("--url", site.base_url + SC)
    assert code == 0, output
    assert not Release.objects.exists()  # its own site trusted, not the address it claims
    assert "https://news.example.com/en/2021/sc14567.doc.htm is not on un.org" in (
        ReviewItem.objects.get().reason
    )


def test_sitemap_discovery(harvest_settings, site):
    code, _ = harvest("--sitemap", "--since", "2021-01-01")
    assert site.hits("/sitemap.xml?page=1") == 1
    assert {i.url.removeprefix(site.base_url) for i in HarvestItem.objects.all()} == {GA, BRIEF, SC}


def test_robots_txt_disallowed_pages_are_not_fetched(harvest_settings, site):
    site.overrides["/robots.txt"] = b"User-agent: *\nDisallow: /en/2021/\n"
    code, output = harvest("--body", "security-council", "--since", "2016-01-01")
    assert code == 1 and "robots.txt disallows" in output
    assert site.hits(SC) == 0 and Release.objects.get().symbol == "SC/12284"


def test_429_then_success_and_a_timeout_in_a_run(harvest_settings, site):
    site.script[SC].append("429")
    site.script[OLD].append("timeout")
    code, output = harvest("--body", "security-council", "--since", "2016-01-01")
    assert code == 0, output
    assert site.hits(SC) == 2 and site.hits(OLD) == 2 and Release.objects.count() == 2


def test_killed_run_resumes_without_writing_twice(harvest_settings, site, monkeypatch):
    visit = Harvester.visit

    def killed_on_second(self, item):
        if item.position == 1:
            raise KeyboardInterrupt  # like a kill: mid-item, nothing of it may remain
        return visit(self, item)

    monkeypatch.setattr(Harvester, "visit", killed_on_second)
    with pytest.raises(KeyboardInterrupt):
        harvest("--body", "security-council", "--since", "2016-01-01")
    run = HarvestRun.objects.get()
    assert run.status == "running" and run.new == 1 and Release.objects.count() == 1

    monkeypatch.setattr(Harvester, "visit", visit)
    code, output = harvest("--body", "general-assembly")  # resumes first, ignoring new options
    assert code == 0 and "Resuming harvest" in output
    run.refresh_from_db()
    assert run.status == "finished" and run.resumed == 1 and run.new == 2
    assert site.hits(SC) == 1 and site.hits(OLD) == 1
    assert Ingestion.objects.count() == 2 and HarvestRun.objects.count() == 1


def test_a_rollback_mid_item_leaves_nothing_half_written(harvest_settings, site, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("statements.harvest.runner.ingest_release", broken)
    with pytest.raises(KeyboardInterrupt):
        harvest("--url", site.base_url + SC)
    assert not HarvestedPage.objects.exists() and not Release.objects.exists()
    assert HarvestItem.objects.get().state == "pending"


def test_two_runs_cannot_run_at_once(harvest_settings, site):
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(hashtext('statements.harvest'))")
        code, output = harvest("--url", site.base_url + SC)
    assert code == 1 and "Another harvest is running" in output
    assert not site.requests and not HarvestRun.objects.exists()


def test_refuses_to_run_without_a_contact(harvest_settings, site):
    harvest_settings.HARVEST_CONTACT = ""
    code, output = harvest("--url", site.base_url + SC)
    assert code == 1 and "HARVEST_CONTACT" in output and not site.requests
