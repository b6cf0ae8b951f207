"""The English and French releases of one sitting, ingested: each statement counted once.

The two releases (tests/i18n/releases/) cover the Security Council's 9381st meeting: four
statements each, by the same speakers, printed in each language ("AM & PM", "matin &
après-midi"). Counts are the search index's (the tests' mirror of the database) and the pages'.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import caches

from meetings.models import Meeting
from meetings.versions import releases_delete
from statements.ingest import ingest_source
from statements.models import Statement
from statements.search.index import engine
from statements.search.index.query import SearchSpec

pytestmark = pytest.mark.django_db
RELEASES = Path(__file__).parent / "releases"
EACH = 4  # statements in each release (not counting summaries)


@pytest.fixture(autouse=True)
def _no_cached_pages():
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def _ingest(language: str) -> Meeting:
    name = {"en": "sc_15361_en.txt", "fr": "cs_15361_fr.txt"}[language]
    result = ingest_source(source=(RELEASES / name).read_bytes(), source_name=name, via="test")
    return Meeting.objects.get(release=result.release)


def _both() -> tuple[Meeting, Meeting]:
    english = _ingest("en")
    french = _ingest("fr")
    english.refresh_from_db()
    return english, french


def _languages(ids) -> set[str]:
    return {
        s.language for s in Statement.objects.filter(pk__in=ids).select_related("meeting__release")
    }


def test_the_second_language_to_arrive_is_marked_as_the_english_releases_other_version():
    english, french = _both()
    assert (english.primary_version, english.other_languages) == (True, ["fr"])
    assert (french.primary_version, french.other_languages) == (False, ["en"])
    assert list(Meeting.objects.versions_of(english)) == [
        french
    ]  # "AM & PM" = "matin & après-midi"


def test_english_is_primary_whichever_arrives_first():
    french = _ingest("fr")
    assert (french.primary_version, french.other_languages) == (True, [])
    english = _ingest("en")
    french.refresh_from_db()
    assert english.primary_version and not french.primary_version


def test_deleting_the_english_release_makes_the_french_one_primary_again():
    english, french = _both()
    releases_delete(releases=[english.release])
    french.refresh_from_db()
    assert (french.primary_version, french.other_languages) == (True, [])
    assert engine.count(SearchSpec()) == EACH


def test_counts_count_each_sitting_once_and_a_language_filter_shows_it_whole():
    _both()
    assert Statement.objects.full().count() == 2 * EACH
    assert engine.count(SearchSpec()) == EACH
    assert _languages(engine.search(SearchSpec(), limit=50).ids) == {"en"}
    assert engine.count(SearchSpec(languages=("fr",))) == EACH
    assert engine.count(SearchSpec(languages=("en",))) == EACH
    assert engine.count(SearchSpec(languages=("en", "fr"))) == 2 * EACH
    # the language facet counts every version: choosing one never empties the list
    assert engine.terms(SearchSpec().without("language"), "language") == {"en": EACH, "fr": EACH}
    assert engine.terms(SearchSpec(), "delegation") == {"BRA": 1, "KEN": 1, "NOR": 1}


def test_the_french_interface_shows_the_french_version_and_counts_the_same():
    _both()
    french = SearchSpec(prefer="fr")
    assert engine.count(french) == EACH
    assert _languages(engine.search(french, limit=50).ids) == {"fr"}


def test_pages_and_the_api_count_each_sitting_once(client):
    _both()
    api = client.get("/api/v1/statements").json()["meta"]["total"]
    assert api == EACH
    assert client.get("/api/v1/statements", {"language": "fr"}).json()["meta"]["total"] == EACH
    page = client.get("/delegations/norway/")
    assert page.context["total"] == 1
    french_page = client.get("/fr/delegations/norway/")
    assert french_page.context["total"] == 1
    listing = client.get("/fr/statements/")
    assert _languages([row.pk for row in listing.context["page"].items]) == {"fr"}
    assert listing.context["page"].total == client.get("/statements/").context["page"].total
    assert listing.context["page"].total == EACH
    meetings = client.get("/meetings/").context["page"].object_list
    assert [m.language for m in meetings] == ["en"]
    assert [m.language for m in client.get("/fr/meetings/").context["page"].object_list] == ["fr"]


def test_popolo_counts_a_speakers_statements_once(client):
    _both()
    memberships = client.get("/data/popolo.json").json()["memberships"]
    brazil = [m for m in memberships if m["organization_id"] == "delegation/BRA"]
    assert [m["note"].split(" statements")[0][-4:] for m in brazil] == ["of 1"]


def test_a_statement_links_to_the_same_speech_in_the_other_language(client):
    english, french = _both()
    norway = {
        m.language: Statement.objects.get(meeting=m, delegation__code="NOR")
        for m in (english, french)
    }
    html = client.get(norway["en"].get_absolute_url()).content.decode()
    link = f'<a href="{norway["fr"].get_absolute_url()}" hreflang="fr" rel="alternate">'
    assert link + "This statement in French</a>" in html
    html = client.get(f"/fr/statements/{norway['fr'].pk}/").content.decode()
    assert f'href="/fr/statements/{norway["en"].pk}/" hreflang="en"' in html
    assert "cette déclaration en anglais" in html.lower()  # Django's name: "Anglais"
    # both permalinks keep working
    assert client.get(norway["fr"].get_absolute_url()).status_code == 200
