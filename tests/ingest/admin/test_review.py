"""The review step answers every upload: staff values clear errors, tampering and replays fail."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from meetings.models import Ingestion, Release
from statements.ingest import admin as ingest_admin
from statements.ingest import ingest_source, sources
from tests.ingest.admin.test_upload import UPLOAD_URL, review_data, seed_file, upload
from tests.rows import changed_rows, row_counts
from tests.seed import SEED_SYMBOL, council_bytes, seed_bytes

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).resolve().parents[2] / "parsing" / "golden"


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-123456", is_staff=True)
    codenames = ["ingest_release", "view_release", "delete_release"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def confirm(client, review, step="confirm", extra=None, **changes):
    return client.post(
        UPLOAD_URL, {**review_data(review, **changes), "step": step, **(extra or {})}
    )


def council_file(number=8019, extra=""):
    return seed_file("council.txt", council_bytes(number=number, extra=extra))


def test_a_typed_date_clears_the_no_date_error_and_confirms(staff_client):
    review = upload(staff_client, council_file())
    assert "No meeting date found" in review.content.decode()
    reparsed = confirm(staff_client, review, step="reparse", symbol="SC/12990", date="2017-09-11")
    page = reparsed.content.decode()
    assert "No meeting date found" not in page and "Why it cannot be written" not in page
    before = row_counts()
    written = confirm(staff_client, reparsed)
    assert "Written to the archive" in written.content.decode()
    assert changed_rows(before) == {"Release": 1, "Meeting": 1, "Statement": 2, "Ingestion": 1}
    release = Release.objects.get(symbol="SC/12990")
    assert release.date == date(2017, 9, 11)
    assert release.headline == "Security Council Hears Briefing on Sanctions"


def test_the_page_address_is_kept_and_shown(staff_client):
    page = seed_file("sc14567.html", (GOLDEN / "sc_2021_06_29_press_un_org.html").read_bytes())
    review = upload(staff_client, page)
    assert "https://press.un.org/en/2021/sc14567.doc.htm" in review.content.decode()
    confirm(staff_client, review, confirm_date="on")
    release = Release.objects.get()
    assert release.source_url == "https://press.un.org/en/2021/sc14567.doc.htm"
    meeting_page = staff_client.get(release.get_absolute_url()).content.decode()
    assert 'href="https://press.un.org/en/2021/sc14567.doc.htm"' in meeting_page


def test_a_web_archive_copy_keeps_the_original_address(staff_client):
    page = seed_file("sc12284.html", (GOLDEN / "sc_2016_03_14_web_archive.html").read_bytes())
    review = upload(staff_client, page)
    assert 'value="http://www.un.org/press/en/2016/sc12284.doc.htm"' in review.content.decode()


def test_a_news_site_copy_is_flagged(staff_client):
    html = (GOLDEN / "sc_2021_06_29_press_un_org.html").read_text("utf-8")
    html = html.replace(
        "https://press.un.org/en/2021/sc14567.doc.htm", "https://news.example.com/a"
    )
    review = upload(staff_client, seed_file("copy.html", html.encode()))
    assert "is not on un.org" in review.content.decode()


@pytest.mark.parametrize("total", ["5", "abc", "0", "100000", "-1"])
def test_an_altered_form_count_is_refused_without_error(staff_client, total):
    review = upload(staff_client, seed_file())
    data = review_data(review, symbol=SEED_SYMBOL, confirm_date="on")
    data["form-TOTAL_FORMS"] = total
    before = row_counts()
    response = staff_client.post(UPLOAD_URL, {**data, "step": "confirm"})
    assert response.status_code == 200
    assert "could not be read back" in response.content.decode()
    assert changed_rows(before) == {}


def test_a_review_replayed_after_the_release_changed_is_refused(staff_client):
    ingest_source(
        source=seed_bytes(),
        source_name="seed.txt",
        overrides={"symbol": SEED_SYMBOL, "confirm_date": True},
        via="test",
    )
    edited = seed_bytes().replace(b"Since 2008, Chile", b"Since 2009, Chile")
    review = upload(staff_client, seed_file("v2.txt", edited))
    newer = seed_bytes().replace(b"Since 2008, Chile", b"Since 2010, Chile")
    ingest_source(
        source=newer,
        source_name="v3.txt",
        overrides={"symbol": SEED_SYMBOL, "confirm_date": True},
        via="test",
    )
    before = row_counts()
    response = confirm(staff_client, review, symbol=SEED_SYMBOL, confirm_date="on")
    assert "changed by another upload after you reviewed" in response.content.decode()
    assert changed_rows(before) == {}


def test_a_batch_too_large_to_post_back_is_refused_at_upload(staff_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 40_000
    before = row_counts()
    response = upload(staff_client, seed_file("a.txt"), seed_file("b.txt", seed_bytes() + b" "))
    assert "too large to review together" in response.content.decode()
    assert changed_rows(before) == {}


def test_each_request_parses_each_upload_once(staff_client, monkeypatch):
    calls = []
    real = sources.parse_press_release

    def counting(data, **kwargs):
        calls.append(kwargs.get("filename"))
        return real(data, **kwargs)

    monkeypatch.setattr(sources, "parse_press_release", counting)
    monkeypatch.setattr(ingest_admin, "parse_press_release", counting)
    review = upload(staff_client, seed_file("a.txt"), council_file())
    assert sorted(calls) == ["a.txt", "council.txt"]
    calls.clear()
    confirm(staff_client, review, step="reparse", symbol=SEED_SYMBOL)
    assert sorted(calls) == ["a.txt", "council.txt"]


def test_the_review_shows_whole_statements_and_one_heading(staff_client):
    review = upload(staff_client, seed_file())
    page = review.content.decode()
    line = next(p for p in seed_bytes().decode().splitlines() if p.startswith("BAINDU"))
    assert len(line) > 600 and "<details>" in page
    assert " ".join(line.split())[-300:] in " ".join(html.unescape(page).split())
    assert page.count("<h1") == 1
    assert staff_client.get(UPLOAD_URL).content.decode().count("<h1") == 1


def test_contradicting_upload_is_refused_and_replace_needs_the_typed_symbol(staff_client):
    stored = {"symbol": "SC/12990", "date": date(2017, 9, 11)}
    ingest_source(source=council_bytes(), source_name="a.txt", overrides=stored, via="test")
    review = upload(staff_client, council_file(number=9616))
    fields = {"symbol": "SC/12990", "date": "2024-04-18"}
    reparsed = confirm(staff_client, review, step="reparse", **fields)
    page = reparsed.content.decode()
    assert "8019th meeting" in page and "9616th meeting" in page
    assert "disabled" in page and "Replace release" in page
    before = row_counts()
    wrong = confirm(staff_client, reparsed, step="replace", extra={"replace_symbols": "SC/1"})
    assert "type the symbol" in wrong.content.decode()
    assert changed_rows(before) == {}
    done = confirm(staff_client, reparsed, step="replace", extra={"replace_symbols": "SC/12990"})
    assert "Written to the archive" in done.content.decode()
    assert changed_rows(before) == {"Ingestion": 1}
    log = Ingestion.objects.get(action="replaced")
    assert log.user.username == "editor" and log.via == "admin"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (council_bytes(number=3_000_000_000), "Meeting number 3000000000"),
        (
            council_bytes().replace(
                b"The representative of France said",
                b"JEAN DUPONT (France), speaking on behalf of the "
                + b"Group of Friends of Peace and Security and Development " * 7
                + b"said",
            ),
            "at most 300 fit",
        ),
    ],
)
def test_values_the_database_would_refuse_are_shown_not_a_500(staff_client, source, message):
    before = row_counts()
    review = upload(staff_client, seed_file("bad.txt", source))
    assert review.status_code == 200 and message in review.content.decode()
    response = confirm(staff_client, review, symbol="SC/1", date="2017-09-11")
    assert response.status_code == 200
    assert changed_rows(before) == {}


def test_pasted_text_with_a_nul_character_is_a_form_error(staff_client):
    before = row_counts()
    response = upload(staff_client, text=council_bytes().decode() + "\x00")
    assert (
        response.status_code == 200
        and "Null characters are not allowed" in response.content.decode()
    )
    assert changed_rows(before) == {}
