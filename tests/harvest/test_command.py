"""harvest_press_releases against the local site: feed, listings, sources on their own, resume."""

from __future__ import annotations

import datetime
import io

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.utils import timezone

from meetings.models import Ingestion, Release
from statements.harvest.models import (
    HarvestedPage,
    HarvestItem,
    HarvestRun,
    HarvestSource,
    ListedRelease,
    ReviewItem,
)
from statements.harvest.runner import Harvester
from statements.models import Statement
from tests.harvest.listing_pages import CHALLENGE, Row, paged

pytestmark = pytest.mark.django_db
SC, GA, OLD, BRIEF, FR, FEED_SC = (
    "/en/2021/sc14567.doc.htm",
    "/en/2021/ga12399.doc.htm",
    "/en/2016/sc12284.doc.htm",
    "/en/2021/db210629.doc.htm",
    "/fr/2023/cs15361.doc.htm",
    "/en/2026/sc16444.doc.htm",
)
ALL = "/en/content/meetings-coverage"


def harvest(*args: str) -> tuple[int, str]:
    """Run the command; return its exit code (0, or CommandError's) and its output."""
    out = io.StringIO()
    try:
        call_command("harvest_press_releases", *args, "--no-progress", stdout=out, stderr=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()


def sources() -> dict[str, HarvestSource]:
    return {s.key: s for s in HarvestRun.objects.first().sources.all()}


def items(site) -> list[str]:
    return [i.url.removeprefix(site.base_url) for i in HarvestRun.objects.first().items.all()]


def test_feed_first_then_listings_each_source_on_its_own(harvest_settings, site):
    code, output = harvest("--since", "2016-01-01")
    assert code == 1 and "1 source(s) failed" in output  # the French feed answers 404
    reports = sources()
    assert list(reports) == ["feed:en", "feed:fr", "listing:en:all", "listing:fr:all"]
    assert reports["feed:fr"].status == "failed" and "HTTP 404" in reports["feed:fr"].reason
    assert reports["feed:en"].found == 1  # of 4 items: the live blog, SG statement, briefing not
    assert "1 meeting, 1 blog, 1 statement, 1 briefing" in reports["feed:en"].reason
    assert [s.status for k, s in reports.items() if k != "feed:fr"] == ["ok", "ok", "ok"]
    # The feed's release first, then the listings' (the briefing row is no meeting, not fetched)
    assert items(site) == [FEED_SC, SC, GA, OLD, FR]
    assert site.hits(BRIEF) == 0 and site.hits("/en/blog/sc16444") == 0
    # Paging stopped at the 1999 row, older than the window; the rows print no date.
    assert site.hits(ALL + "?page=2") == 1 and site.hits(ALL + "?page=3") == 0
    assert {"SC/14567", "SC/12284", "CS/15361"} <= set(
        Release.objects.values_list("symbol", flat=True)
    )
    assert Ingestion.objects.filter(release__symbol="SC/14567").get().via == "harvest"
    assert Statement.objects.filter(delegation__name="Norway").exists()  # the French release
    queue = {i.page.url.removeprefix(site.base_url) for i in ReviewItem.objects.open()}
    assert GA in queue  # an unknown delegation: waits for review
    run = HarvestRun.objects.get()
    assert run.status == "failed" and "feed:fr" in run.reason
    listed = set(ListedRelease.objects.values_list("symbol", flat=True))
    # Every meeting release the sources show, in the window or not (coverage compares them)
    assert {"SC/16444", "SC/14567", "GA/12399", "SC/12284", "CS/15361", "GA/EF/2899",
            "AG/AB/3988"} == listed  # fmt: skip


def test_a_challenge_page_is_a_failed_source_and_never_moves_its_window(harvest_settings, site):
    code, output = harvest("--new", "--body", "security-council", "--body", "all")
    assert code == 1 and "bot-challenge page" in output
    challenged = sources()["listing:fr:security-council"]
    assert challenged.status == "failed" and "releases were expected" in challenged.reason
    assert sources()["listing:en:security-council"].status == "ok"  # the others went on
    assert HarvestRun.objects.get().status == "failed"
    code, output = harvest("--new", "--body", "security-council", "--body", "all")
    reports = sources()
    month_ago = datetime.date.today() - datetime.timedelta(days=30)
    yesterday = timezone.now().date() - datetime.timedelta(days=1)
    assert reports["listing:fr:security-council"].since == month_ago  # never read: not moved
    assert reports["feed:fr"].since == month_ago  # a 404 does not move it either
    assert reports["listing:en:security-council"].since == yesterday
    assert reports["feed:en"].since == yesterday


def test_new_asks_the_feed_conditionally_and_stops_at_archived_rows(harvest_settings, site):
    harvest("--since", "2016-01-01")
    before = site.hits(ALL + "?page=1")
    code, output = harvest("--new")
    assert "feed:en: ok, 0 found" in output and "not modified" in output
    assert site.requests[[p for p, _ in site.requests].index("/en/rss.xml", 3)][1].get(
        "If-None-Match"
    )
    assert site.hits(ALL + "?page=1") == before  # page 0 holds archived releases: stop there
    assert HarvestRun.objects.first().discovered == 0


def test_a_failing_body_never_stops_the_others(harvest_settings, site):
    site.script["/en/content/economic-and-social-council/meetings-coverage"].extend(["500"] * 9)
    code, output = harvest("--since", "2016-01-01", "--language", "en", "--body", "ecosoc",
                           "--body", "security-council")  # fmt: skip
    assert code == 1
    reports = sources()
    assert reports["listing:en:ecosoc"].status == "failed"
    assert "HTTP 500 after 5 tries" in reports["listing:en:ecosoc"].reason
    assert reports["listing:en:security-council"].found == 2
    assert {"SC/14567", "SC/12284"} <= set(Release.objects.values_list("symbol", flat=True))


def test_an_empty_listing_is_a_failure_not_an_empty_success(harvest_settings, site):
    site.overrides[ALL] = b"<html><body><main>Nothing here today.</main></body></html>"
    site.overrides["/en/rss.xml"] = CHALLENGE
    code, output = harvest("--new", "--language", "en")
    assert code == 1
    reports = sources()
    assert "no release links" in reports["listing:en:all"].reason
    assert "bot-challenge page" in reports["feed:en"].reason
    assert HarvestRun.objects.get().status == "failed"


def test_discovered_addresses_off_the_allowed_hosts_are_dropped(harvest_settings, site):
    site.overrides[ALL] = paged(ALL, "Meetings Coverage", [[
        Row("http://10.0.0.1:8080/en/2021/sc14001.doc.htm", "internal"),
        Row("http://127.0.0.1:1/en/2021/sc14002.doc.htm", "other port"),
        Row(SC, "ours"),
    ]])[ALL]  # fmt: skip
    harvest("--since", "2021-01-01", "--language", "en")
    assert items(site) == [FEED_SC, SC]


def test_backfill_says_what_it_costs_then_walks_only_those_pages(harvest_settings, site):
    rows = [Row(f"/en/{2026 - n // 10}/ecosoc{9000 - n}.doc.htm", "ECOSOC") for n in range(400)]
    pages = [rows[i : i + 10] for i in range(0, 400, 10)]  # 40 pages of 10 rows, a year a page
    body = "/en/content/economic-and-social-council/meetings-coverage"
    site.overrides.update(paged(body, "ECOSOC", pages))
    code, output = harvest("--backfill", "2010", "--language", "en", "--body", "ecosoc",
                           "--estimate")  # fmt: skip
    assert code == 0 and not HarvestRun.objects.exists()
    assert "listing pages 16-17 (2 pages, about 20 releases): 22 requests" in output
    probes = sum(site.hits(p) for p in site.overrides if p.startswith(body))
    assert probes < 15  # bisection, not a walk over 40 pages
    assert "0.0 hours at 0 s" in output
    code, output = harvest("--backfill", "2010", "--language", "en", "--body", "ecosoc")
    assert "Back-fill 2010" in output
    found = items(site)
    assert len(found) == 10 and all("/2010/" in url for url in found)
    walked = [p for p, _ in site.requests if p.startswith(body)]
    assert len(walked) < 40 and body + "?page=5" not in walked  # from the estimate's first page


def test_backfill_estimates_a_one_page_listing_whose_next_page_is_a_404(harvest_settings, site):
    code, output = harvest("--backfill", "2011", "2023", "--language", "fr", "--estimate")
    assert code == 0 and "cannot estimate" not in output, output
    # the page past the end counts as one the walk reads (the estimate errs high)
    assert "listing:fr:all: listing pages 0-1 (2 pages, about 4 releases): 6 requests" in output
    assert site.hits("/fr/content/meetings-coverage?page=1") == 1  # the probe past the end


def test_a_404_on_a_listings_first_page_fails_its_source(harvest_settings, site):
    code, output = harvest("--since", "2021-01-01", "--language", "en", "--body", "ecosoc")
    assert code == 1
    reason = sources()["listing:en:ecosoc"].reason
    assert sources()["listing:en:ecosoc"].status == "failed" and "HTTP 404" in reason


def test_backfill_refuses_years_out_of_range(harvest_settings, site):
    code, output = harvest("--backfill", "1990")
    assert code == 1 and "1995" in output and not site.requests


def test_a_failing_item_is_marked_with_its_reason_and_the_run_closes(harvest_settings, site,
                                                                      monkeypatch):  # fmt: skip
    def database_down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("statements.harvest.runner.ingest_release", database_down)
    code, output = harvest("--url", site.base_url + SC, site.base_url + OLD)
    assert code == 1
    outcomes = dict(HarvestItem.objects.values_list("url", "message"))
    assert all("OperationalError: server closed" in m for m in outcomes.values())
    run = HarvestRun.objects.get()
    assert run.status == "failed" and run.failed == 2 and not HarvestedPage.objects.exists()


def test_an_item_that_never_finishes_is_given_up_and_never_wedges_the_run(harvest_settings, site):
    run = HarvestRun.objects.create(status="running", discovered=2)
    HarvestItem.objects.create(run=run, position=0, url=site.base_url + "/loop", attempts=2)
    HarvestItem.objects.create(run=run, position=1, url=site.base_url + SC)
    code, output = harvest()
    assert "Resuming harvest" in output and code == 1
    run.refresh_from_db()
    assert run.status == "failed" and run.new == 1 and site.hits("/loop") == 0
    assert "never finished" in run.items.get(position=0).message


def test_a_run_resumed_too_often_is_abandoned(harvest_settings, site):
    run = HarvestRun.objects.create(status="running", resumed=5)
    code, output = harvest("--url", site.base_url + SC)
    run.refresh_from_db()
    assert run.status == "abandoned" and "resumed too often" in output
    assert HarvestRun.objects.first().status == "finished" and code == 0


def test_hostile_pages_fail_their_item_only(harvest_settings, site):
    harvest_settings.HARVEST_DEADLINE = 1
    for path, script in [(SC, "bad-gzip"), (GA, "bomb"), (OLD, "trickle"), (BRIEF, "long-etag")]:
        site.script[path].append(script)
    harvest_settings.MAX_RELEASE_BYTES = 2_000_000
    urls = [site.base_url + p for p in (SC, GA, OLD, BRIEF, "/loop", FR)]
    code, output = harvest("--url", *urls)
    assert code == 1
    messages = {i.url.removeprefix(site.base_url): i.message for i in HarvestItem.objects.all()}
    assert "DecodingError" in messages[SC] and "larger than 2,000,000" in messages[GA]
    assert "not fetched within 1 s" in messages[OLD] and "TooManyRedirects" in messages["/loop"]
    assert HarvestedPage.objects.get(url=site.base_url + BRIEF).etag == ""
    assert Release.objects.get().symbol == "CS/15361"  # the good page after them
    assert HarvestRun.objects.get().status == "failed"


def test_second_run_asks_conditionally_and_writes_nothing_twice(harvest_settings, site):
    urls = [site.base_url + p for p in (SC, OLD)]
    harvest("--url", *urls)
    code, output = harvest("--url", *urls)
    assert code == 0, output
    second = HarvestRun.objects.first()
    assert second.counts()["unchanged"] == 2 and second.fetched == 0
    assert site.requests[-1][1].get("If-None-Match")
    assert Ingestion.objects.count() == 2


def test_url_list_and_symbol(harvest_settings, site):
    code, output = harvest("--url", site.base_url + OLD, "--symbol", "SC/14567",
                           "--since", "2020-01-01", "--until", "2021-12-31")  # fmt: skip
    assert code == 0, output
    outcomes = dict(HarvestItem.objects.values_list("url", "outcome"))
    assert outcomes[site.base_url + OLD] == "new" and outcomes[site.base_url + SC] == "new"
    assert outcomes[site.base_url + "/en/2020/sc14567.doc.htm"] == "absent"  # a wrong-year guess


def test_a_page_calling_itself_a_news_sites_copy_is_queued(harvest_settings, site):
    body = site.body(SC).replace(site.base_url.encode(), b"https://news.example.com")
    site.overrides[SC] = body
    code, output = harvest("--url", site.base_url + SC)
    assert code == 0, output
    assert not Release.objects.exists()  # its own site trusted, not the address it claims
    assert "https://news.example.com/en/2021/sc14567.doc.htm is not on un.org" in (
        ReviewItem.objects.get().reason
    )


def test_sitemap_third(harvest_settings, site):
    code, _ = harvest("--sitemap", "--since", "2021-01-01", "--language", "en")
    assert list(sources()) == ["feed:en", "listing:en:all", "sitemap"]
    assert site.hits("/sitemap.xml?page=1") == 1
    assert BRIEF in items(site)  # the sitemap lists every page; the briefing fails to parse


def test_robots_txt_disallowed_pages_are_not_fetched(harvest_settings, site):
    site.overrides["/robots.txt"] = b"User-agent: *\nDisallow: /en/2021/\n"
    code, output = harvest("--url", site.base_url + SC, site.base_url + OLD)
    assert code == 1 and "robots.txt disallows" in output
    assert site.hits(SC) == 0 and Release.objects.get().symbol == "SC/12284"


def test_429_then_success_and_a_timeout_in_a_run(harvest_settings, site):
    site.script[SC].append("429")
    site.script[OLD].append("timeout")
    code, output = harvest("--url", site.base_url + SC, site.base_url + OLD)
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
        harvest("--url", site.base_url + SC, site.base_url + OLD)
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


def test_a_changed_text_under_a_staff_correction_goes_to_review_not_to_the_archive(
    harvest_settings, site
):
    from django.contrib.auth import get_user_model

    from statements.ingest.correction_writes import record_correction
    from statements.ingest.corrections import text_hash

    assert harvest("--url", site.base_url + SC)[0] == 0
    release = Release.objects.get()
    target = release.meeting.statements.exclude(kind="summary").order_by("sequence")[1]
    record_correction(
        meeting=release.meeting,
        operation="reassign",
        params={
            "anchor": text_hash(target.text),
            "delegation_label": "Peru",
            "delegation_code": "PER",
        },  # fmt: skip
        description=f"reassign #{target.pk}",
        reason="Checked against the release",
        user=get_user_model().objects.create_user("editor", password="x" * 12, is_staff=True),
        statement_id=target.pk,
    )
    ingested = Release.objects.get().ingested_at
    original, words = site.body(SC), " ".join(target.text.split()[:4]).encode()
    assert original.count(words) == 1
    site.overrides[SC] = original.replace(words, words + b" (sic)")
    code, output = harvest("--url", site.base_url + SC)
    assert code == 0, output
    review = ReviewItem.objects.get()
    assert "no longer applies" in review.reason and f"reassign #{target.pk}" in review.reason
    assert Release.objects.get().ingested_at == ingested  # nothing written before a person looks
    assert Statement.objects.get(pk=target.pk).delegation.code == "PER"


def test_coverage_lists_what_the_site_lists_archived_or_not(harvest_settings, site):
    assert harvest("--url", site.base_url + SC)[0] == 0  # archived before the listing is walked
    harvest("--since", "2021-01-01", "--language", "en")
    assert SC not in items(site)  # not fetched again...
    listed = set(ListedRelease.objects.values_list("symbol", flat=True))
    assert {"SC/14567", "GA/12399", "SC/16444"} == listed  # ...but listed (paging stops there)


def test_dated_rows_of_the_old_era_stop_the_walk_by_date_in_both_languages(harvest_settings, site):
    """www.un.org/press listings (2017-2020) printed a date per row: the window uses it, so paging
    stops within a year (undated rows can only stop at a year)."""
    body = "/{}/content/security-council/meetings-coverage"
    site.overrides.update(paged(body.format("en"), "Security Council", [
        [Row(OLD, SC, date="14 March 2016"), Row("/en/2016/sc12200.doc.htm", SC,
                                                  date="2 February 2016")],
        [Row("/en/2016/sc12100.doc.htm", SC, date="5 January 2016")],
        [Row("/en/2016/sc12000.doc.htm", SC, date="4 January 2016")],
    ]))  # fmt: skip
    site.overrides.update(paged(body.format("fr"), "Conseil de sécurité", [
        [Row(FR, "Conseil", symbol="CS/15361", date="20 mars 2016"),
         Row("/fr/2016/cs12201.doc.htm", "Conseil", symbol="CS/12201", date="3 février 2016")],
        [Row("/fr/2016/cs12101.doc.htm", "Conseil", date="6 janvier 2016")],
        [Row("/fr/2016/cs12001.doc.htm", "Conseil", date="5 janvier 2016")],
    ]))  # fmt: skip
    harvest("--since", "2016-03-01", "--until", "2016-12-31", "--body", "security-council")
    reports = sources()
    assert reports["listing:en:security-council"].found == 1
    assert reports["listing:fr:security-council"].found == 1
    assert set(items(site)) == {OLD, FR}  # February's rows are out by their printed date
    for language in ("en", "fr"):  # page 1 holds only older rows: page 2 is never asked for
        assert site.hits(body.format(language) + "?page=1") == 1
        assert site.hits(body.format(language) + "?page=2") == 0


def test_a_release_whose_fetch_failed_is_found_again_by_the_next_new_run(harvest_settings, site):
    """A challenge on a release page (not the listing) fails that item; the listing's source was
    read, so its window moves, but the next --new still finds the release: it is not archived."""
    site.overrides[FEED_SC] = CHALLENGE
    code, output = harvest("--new", "--language", "en")
    assert (
        code == 1 and "bot-challenge page" in HarvestItem.objects.get(url__endswith=FEED_SC).message
    )
    assert not HarvestedPage.objects.exists()
    del site.overrides[FEED_SC]
    harvest("--new", "--language", "en")
    assert FEED_SC in items(site) and HarvestedPage.objects.filter(url__endswith=FEED_SC).exists()
    assert HarvestItem.objects.get(
        run=HarvestRun.objects.first(), url__endswith=FEED_SC
    ).outcome in ("new", "queued")
