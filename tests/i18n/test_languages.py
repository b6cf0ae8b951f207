"""The interface in English and French: URLs, the switch, hreflang, `lang` of archive text,
citation languages, localized dates and numbers, and versions of one meeting in two languages."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from meetings.models import Meeting
from tests.factories import make_meeting, make_release, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_pages():
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def _french_statement():
    meeting = make_meeting(release=make_release(language="fr", headline="Assemblée générale"))
    return make_statement(meeting=meeting, text="La représentante a dit que la paix exige.")


def test_english_stays_at_the_unprefixed_url_and_french_is_under_fr(client):
    english = client.get("/statements/")
    french = client.get("/fr/statements/")
    assert english.status_code == french.status_code == 200
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    assert '<html lang="fr" dir="ltr">' in french.content.decode()
    assert "<h1>Déclarations</h1>" in french.content.decode()
    with translation.override("fr"):
        assert reverse("statements:statement-list") == "/fr/statements/"


def test_an_english_browser_is_not_sent_elsewhere_and_permalinks_keep_working(client):
    statement = make_statement()
    response = client.get(f"/statements/{statement.pk}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200  # the unprefixed URL is always English, never redirected
    assert '<html lang="en"' in response.content.decode()


def test_switch_and_hreflang_keep_the_page_and_its_query(client, settings):
    settings.SITE_URL = "https://archive.example.org"
    html = client.get("/fr/statements/?q=paix&delegation=NOR").content.decode()
    for code, path in (("en", "/statements/"), ("fr", "/fr/statements/")):
        url = f"https://archive.example.org{path}?q=paix&amp;delegation=NOR"
        assert f'<link rel="alternate" hreflang="{code}" href="{url}">' in html
    switch = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    assert 'href="/statements/?q=paix&amp;delegation=NOR" hreflang="en" lang="en"' in switch
    assert '<span aria-current="true" lang="fr">français</span>' in switch


def test_french_text_is_marked_in_an_english_page_and_english_text_in_a_french_one(client):
    french = _french_statement()
    english = make_statement(text="The representative said peace requires cooperation.")
    html = client.get(french.get_absolute_url()).content.decode()
    assert '<div class="statement-text" lang="fr">' in html
    html = client.get(f"/fr/statements/{english.pk}/").content.decode()
    assert '<div class="statement-text" lang="en">' in html
    html = client.get(f"/fr/statements/{french.pk}/").content.decode()
    assert '<div class="statement-text">' in html  # the page's own language: nothing to mark
    meeting_html = client.get(f"/meetings/{french.meeting_id}/").content.decode()
    assert '<h1 lang="fr">Assemblée générale</h1>' in meeting_html
    assert '<div class="release-text" lang="fr">' in meeting_html


def test_citation_tags_carry_the_statements_language(client):
    statement = _french_statement()
    html = client.get(statement.get_absolute_url()).content.decode()
    assert '<meta name="citation_language" content="fr">' in html
    assert '<meta name="DC.language" content="fr">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["inLanguage"] == "fr"
    meeting_html = client.get(statement.meeting.get_absolute_url()).content.decode()
    assert '<meta name="citation_language" content="fr">' in meeting_html
    assert statement.language == statement.meeting.language == "fr"


def test_dates_numbers_and_ordinals_follow_the_interface_language(client):
    meeting = make_meeting(day=date(2021, 11, 23), session=76, numbers=[1, 38])
    make_statement(meeting=meeting)
    english = client.get(meeting.get_absolute_url()).content.decode()
    french = client.get(f"/fr/meetings/{meeting.pk}/").content.decode()
    assert (
        "Tuesday 23 November 2021" in english and "76th session, 1st &amp; 38th meetings" in english
    )
    assert "mardi 23 novembre 2021" in french and "76e session, 1re &amp; 38e séances" in french


def test_thousands_are_grouped_the_french_way(client):
    with translation.override("fr"):
        from django.contrib.humanize.templatetags.humanize import intcomma

        assert intcomma(12345) == "12\xa0345"  # a no-break space, as Django formats French


def test_the_english_and_french_releases_of_one_meeting_are_versions_of_each_other(client):
    english = make_meeting(release=make_release(language="en"), numbers=[38])
    french = make_meeting(release=make_release(language="fr"), numbers=[38])
    other_day = make_meeting(release=make_release(language="fr"), numbers=[39])
    assert list(Meeting.objects.versions_of(english)) == [french]
    assert list(Meeting.objects.versions_of(french)) == [english]
    html = client.get(english.get_absolute_url()).content.decode()
    assert f'href="{french.get_absolute_url()}" hreflang="fr" rel="alternate">' in html
    assert f"This release in French ({french.release.symbol})" in html
    assert other_day.get_absolute_url() + '"' not in html
    html = client.get(f"/fr/meetings/{french.pk}/").content.decode()
    assert f"Ce communiqué en Anglais ({english.release.symbol})" in html or (
        f"Ce communiqué en anglais ({english.release.symbol})" in html
    )


def test_a_meeting_without_numbers_has_no_versions():
    one = make_meeting(release=make_release(language="en"), numbers=[])
    make_meeting(release=make_release(language="fr"), numbers=[])
    assert not Meeting.objects.versions_of(one).exists()


def test_the_tools_and_data_pages_have_a_french_version_and_their_files_one_address(client):
    """The alignment tools and /data/ are translated (/fr/alignment/, /fr/data/); what they link
    to for machines (the alignment CSVs, the API, the dump) has no /fr/ address."""
    html = client.get("/alignment/matrix/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="en"' in html  # an unprefixed URL is English, whatever the browser asks
    assert 'hreflang="fr" href="/fr/alignment/matrix/"' in html.replace("&amp;", "&") or (
        'href="/fr/alignment/matrix/"' in html
    )
    french = client.get("/fr/alignment/matrix/").content.decode()
    assert '<html lang="fr"' in french and "Matrice d’alignement" in french
    assert client.get("/fr/data/").status_code == 200
    assert client.get("/fr/data/api/").status_code == 200
    for url in ("/fr/alignment/pair.csv", "/fr/api/v1/", "/fr/data/latest.zip"):
        assert client.get(url).status_code == 404, url


def test_french_pages_cost_no_more_queries_than_english_ones(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = make_meeting()
    statements = [make_statement(meeting=meeting) for _ in range(3)]
    counts = {}
    for prefix in ("", "/fr"):
        for path in (f"/statements/{statements[1].pk}/", f"/meetings/{meeting.pk}/"):
            caches["pages"].clear()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(prefix + path).status_code == 200
            counts[prefix + path] = len(queries)
    english = [n for path, n in counts.items() if not path.startswith("/fr/")]
    french = [n for path, n in counts.items() if path.startswith("/fr/")]
    assert english == french, counts
    # The statement page: the statement with its joins, neighbours, summaries, highlight; the
    # neighbours' language is the page's meeting's, not a query each.
    assert counts[f"/statements/{statements[1].pk}/"] <= 6, counts


def test_the_switch_keeps_the_place_in_a_list_but_not_parameters_the_page_ignores(client):
    html = client.get("/fr/statements/?q=paix&junk=1&page=2&delegation=NOR").content.decode()
    switch = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    assert 'href="/statements/?q=paix&amp;delegation=NOR&amp;page=2"' in switch
    assert "junk" not in html
