"""Admin: past runs, the review queue reviewed with the upload review page, the address field."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command

from meetings.models import Release
from statements.harvest.models import HarvestedPage, HarvestRun, ReviewItem
from tests.ingest.admin.test_upload import UPLOAD_URL, review_data

pytestmark = pytest.mark.django_db
GA, BRIEF = "/en/2021/ga12399.doc.htm", "/en/2021/db210629.doc.htm"
SC, OLD = "/en/2021/sc14567.doc.htm", "/en/2016/sc12284.doc.htm"


@pytest.fixture
def harvested(harvest_settings, site):
    """One run over four addresses: two releases written, two pages queued."""
    urls = [site.base_url + p for p in (SC, GA, BRIEF, OLD)]
    with pytest.raises(CommandError):  # the briefing page fails
        call_command("harvest_press_releases", "--url", *urls, "--no-progress")
    return site


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw-123456", is_staff=True)
    codenames = ["ingest_release", "view_release", "view_harvestrun", "view_harvestitem",
                 "view_reviewitem", "change_reviewitem"]  # fmt: skip
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def queued(site, path: str) -> ReviewItem:
    return ReviewItem.objects.get(page__url=site.base_url + path)


def test_past_runs_show_their_counts(harvested, editor):
    run = HarvestRun.objects.get()
    listing = editor.get("/admin/harvest/harvestrun/").content.decode()
    assert "Finished with failures" in listing
    detail = editor.get(f"/admin/harvest/harvestrun/{run.pk}/change/").content.decode()
    assert "ga12399.doc.htm" in detail and "unchanged" in detail


def test_a_run_shows_each_source_with_its_outcome(harvest_settings, site, editor):
    with pytest.raises(CommandError):  # the French feed answers 404
        call_command("harvest_press_releases", "--since", "2021-01-01", "--no-progress")
    permission = Permission.objects.get(codename="view_harvestsource")
    User.objects.get(username="editor").user_permissions.add(permission)
    run = HarvestRun.objects.get()
    detail = editor.get(f"/admin/harvest/harvestrun/{run.pk}/change/").content.decode()
    assert "feed:fr" in detail and "/fr/rss.xml: HTTP 404." in detail
    assert "listing:en:all" in detail and "4 items: 1 meeting, 1 blog" in detail


def test_the_queue_lists_what_was_not_written(harvested, editor):
    page = editor.get("/admin/harvest/reviewitem/").content.decode()
    assert "ga12399.doc.htm" in page and "Atlantis" in page and "db210629.doc.htm" in page


def test_reviewing_a_queued_release_uses_the_upload_review_and_keeps_its_url(harvested, editor):
    url = f"/admin/harvest/reviewitem/{queued(harvested, GA).pk}/review/"
    review = editor.get(url)
    html = review.content.decode()
    assert review.status_code == 200 and "Atlantis" in html and "Confirm and write" in html
    assert not Release.objects.filter(symbol="GA/12399").exists()  # nothing written yet
    response = editor.post(url, {**review_data(review), "step": "confirm"})
    assert "Written to the archive" in response.content.decode(), response.content[:3000]
    release = Release.objects.get(symbol="GA/12399")
    assert release.source_url == harvested.base_url + GA
    page = HarvestedPage.objects.get(url=release.source_url)
    assert bytes(release.source_file.data) == bytes(page.content)
    assert not ReviewItem.objects.open().filter(page__url=release.source_url).exists()


def test_a_page_that_does_not_parse_cannot_be_confirmed(harvested, editor):
    item = queued(harvested, BRIEF)
    response = editor.get(f"/admin/harvest/reviewitem/{item.pk}/review/")
    assert response.status_code == 200
    assert "disabled" in response.content.decode()  # the confirm button: errors first
    assert "No statements" in response.content.decode()


def test_review_needs_the_ingest_permission(harvested, client):
    client.force_login(User.objects.create_user("viewer", password="x", is_staff=True))
    item = queued(harvested, GA)
    assert client.get(f"/admin/harvest/reviewitem/{item.pk}/review/").status_code == 403


def test_dismissing_takes_items_off_the_queue(harvested, editor):
    item = queued(harvested, BRIEF)
    editor.post(
        "/admin/harvest/reviewitem/",
        {"action": "dismiss", "_selected_action": [item.pk]},
    )
    assert not ReviewItem.objects.open().filter(pk=item.pk).exists()


def test_upload_form_refuses_addresses_off_the_un_hosts(harvest_settings, site, editor):
    response = editor.post(UPLOAD_URL, {"address": site.base_url + "/en/2021/sc14567.doc.htm"})
    assert "Only addresses on the UN" in response.content.decode()
    assert not site.requests and not Release.objects.exists()


def test_upload_form_fetches_an_allowed_address_for_review(harvest_settings, site, editor):
    harvest_settings.HARVEST_ADMIN_HOSTS = [f"127.0.0.1:{site.server_address[1]}"]
    address = site.base_url + "/en/2021/sc14567.doc.htm"
    review = editor.post(UPLOAD_URL, {"address": address})
    assert "Confirm and write" in review.content.decode()
    assert not Release.objects.exists()
    response = editor.post(UPLOAD_URL, {**review_data(review), "step": "confirm"})
    assert "Written to the archive" in response.content.decode()
    assert Release.objects.get(symbol="SC/14567").source_url == address


def test_upload_form_reports_a_failed_fetch(harvest_settings, site, editor):
    harvest_settings.HARVEST_ADMIN_HOSTS = [f"127.0.0.1:{site.server_address[1]}"]
    response = editor.post(UPLOAD_URL, {"address": site.base_url + "/en/2021/nothing99.doc.htm"})
    assert (
        "could not be fetched" in response.content.decode()
        and "HTTP 404" in response.content.decode()
    )


def staff(client, *codenames: str):
    user = User.objects.create_user("-".join(codenames) or "staff", password="x", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_view_only_staff_cannot_dismiss(harvested, client):
    viewer = staff(client, "view_reviewitem")
    item = queued(harvested, BRIEF)
    response = viewer.post(
        "/admin/harvest/reviewitem/", {"action": "dismiss", "_selected_action": [item.pk]}
    )
    assert response.status_code in (200, 302, 403)
    assert ReviewItem.objects.open().filter(pk=item.pk).exists()  # still waiting
    assert 'value="dismiss"' not in viewer.get("/admin/harvest/reviewitem/").content.decode()


def test_ingest_only_staff_can_list_the_queue(harvested, client):
    ingester = staff(client, "ingest_release")
    response = ingester.get("/admin/harvest/reviewitem/")
    assert response.status_code == 200 and "ga12399.doc.htm" in response.content.decode()
    assert (
        ingester.get(f"/admin/harvest/reviewitem/{queued(harvested, GA).pk}/review/").status_code
        == 200
    )


@pytest.mark.parametrize(
    ("script", "reason"),
    [
        ("bad-gzip", "DecodingError"),
        ("long-etag", ""),
        ("retry-forever", "asked us to wait"),
        ("internal-redirect", "not on an allowed host"),
        ("bomb", "larger than 5,000,000 bytes"),
        ("trickle", "not fetched within 2 s"),
    ],
)
def test_the_address_field_never_answers_500(harvest_settings, site, editor, script, reason):
    harvest_settings.HARVEST_ADMIN_HOSTS = [f"127.0.0.1:{site.server_address[1]}"]
    harvest_settings.HARVEST_ADMIN_DEADLINE = 2
    harvest_settings.HARVEST_MAX_WAIT = 999999  # the admin caps its waits at 5 s anyway
    harvest_settings.MAX_RELEASE_BYTES = 5_000_000
    site.script[SC].append(script)
    started = time.monotonic()
    response = editor.post(UPLOAD_URL, {"address": site.base_url + SC})
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert time.monotonic() - started < 15  # back within its deadline (the trickle: 5,000 s)


def test_the_address_field_bounds_redirect_loops_and_crawl_delays(harvest_settings, site, editor):
    """Issue 24: a redirect loop answered 500 here; a day-long Crawl-delay held the thread."""
    harvest_settings.HARVEST_ADMIN_HOSTS = [f"127.0.0.1:{site.server_address[1]}"]
    harvest_settings.HARVEST_ADMIN_DEADLINE = 2
    loop = editor.post(UPLOAD_URL, {"address": site.base_url + "/loop"})
    assert loop.status_code == 200 and "TooManyRedirects" in loop.content.decode()
    site.overrides["/robots.txt"] = b"User-agent: *\nCrawl-delay: 86400\n"
    started = time.monotonic()
    waited = editor.post(UPLOAD_URL, {"address": site.base_url + SC})
    assert waited.status_code == 200 and "not fetched within 2 s" in waited.content.decode()
    assert time.monotonic() - started < 15  # not a day


@pytest.mark.parametrize(
    "address", ["http://[::1", "http://press.un.org:99999/x", "http://press.un.org:8080/en/x",
                "https://press.un.org/" + "x" * 600, "file:///etc/passwd"]
)  # fmt: skip
def test_the_address_field_refuses_odd_addresses_without_a_500(harvest_settings, editor, address):
    response = editor.post(UPLOAD_URL, {"address": address})
    assert response.status_code == 200
