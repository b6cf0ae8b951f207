"""Atom feeds for any search, speaker, delegation and theme."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.http import QueryDict

from statements.models import Speaker, SpeakerRedirect, Statement
from statements.search.filters import StatementFilter
from statements.search.index import engine
from tests.factories import make_speaker
from tests.publish.conftest import SITE

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, url: str) -> ET.Element:
    response = client.get(url, HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    assert response["Access-Control-Allow-Origin"] == "*"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entry_ids(feed: ET.Element) -> list[int]:
    links = [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")]
    assert all(link.startswith(f"{SITE}/statements/") for link in links)
    return [int(link.rstrip("/").rsplit("/", 1)[1]) for link in links]


def newest(query: str) -> list[int]:
    """The engine's matches, ordered newest first by PostgreSQL."""
    matches = engine.all_ids(StatementFilter(QueryDict(query)).spec())
    qs = Statement.objects.filter(pk__in=matches).order_by("-date", "-id")
    return list(qs.values_list("id", flat=True)[:50])


@pytest.mark.parametrize(
    "url, query",
    [
        ("/feeds/statements.atom", ""),
        ("/feeds/statements.atom?q=nuclear&sort=oldest", "q=nuclear"),
        ("/feeds/statements.atom?delegation=NOR&delegation=SWE", "delegation=NOR&delegation=SWE"),
        ("/feeds/speakers/mona-juul.atom", "speaker=mona-juul"),
        ("/feeds/delegations/brazil.atom", "delegation=BRA"),
        ("/feeds/themes/disarmament.atom", "theme=disarmament"),
    ],
)
def test_feeds_hold_the_newest_statements_of_the_search(client, archive, url, query):
    feed = atom(client, url)
    assert entry_ids(feed) == newest(query)
    assert feed.find(f"{ATOM}title").text
    assert feed.find(f"{ATOM}id").text.startswith(SITE)
    alternate = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
    assert alternate[0].get("href").startswith(SITE)


def test_entries_are_complete(client, archive):
    feed = atom(client, "/feeds/speakers/mona-juul.atom")
    entry = next(feed.iter(f"{ATOM}entry"))
    assert "Mona Juul (Norway)" in entry.find(f"{ATOM}title").text
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Mona Juul"
    assert entry.find(f"{ATOM}published").text.startswith("2022-")
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")]
    assert entry.find(f"{ATOM}id").text == entry.find(f"{ATOM}link").get("href")


def test_search_feed_title_describes_the_search(client, archive):
    feed = atom(client, "/feeds/statements.atom?q=climate&delegation=NOR&date_from=2020")
    title = feed.find(f"{ATOM}title").text
    assert "“climate”" in title and "NOR" in title and "2020-01-01" in title


def test_old_and_merged_speaker_slugs_redirect(client, archive):
    SpeakerRedirect.objects.create(slug="m-juul", speaker=archive.speakers["NOR"])
    assert client.get("/feeds/speakers/m-juul.atom")["Location"] == (
        "/feeds/speakers/mona-juul.atom"
    )
    merged = make_speaker(name="Juul", slug="juul")
    Speaker.objects.filter(pk=merged.pk).update(merged_into=archive.speakers["NOR"])
    assert client.get("/feeds/speakers/juul.atom").status_code == 301


@pytest.mark.parametrize(
    "url",
    ["/feeds/speakers/nobody.atom", "/feeds/delegations/atlantis.atom", "/feeds/themes/x.atom"],
)
def test_unknown_subjects_are_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_hostile_search_feed_is_still_a_feed(client, archive):
    atom(client, "/feeds/statements.atom?q=%22unbalanced&date_from=never&delegation=%3Cscript%3E")


def test_control_characters_do_not_break_any_feed(client, archive):
    from xml.etree import ElementTree

    statement = archive.statements[-1]
    statement.text = "Page one.\x0cPage two;\x0b next\x01 line\x1f."
    statement.save(update_fields=["text"])
    for url in ("/feeds/statements.atom", "/feeds/statements.atom?q=page"):
        response = client.get(url)
        assert response.status_code == 200, url
        ElementTree.fromstring(response.content)  # well-formed XML
        assert b"\x0c" not in response.content and b"\x01" not in response.content
