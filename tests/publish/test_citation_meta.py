"""Template fragments for the UI's pages: citation metadata, export links, feed discovery."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from statements.models import Statement
from statements.publish.citations import cite
from statements.search.state import QueryState
from tests.publish.conftest import SITE


class Head(HTMLParser):
    """The meta tags and JSON-LD blocks of a fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.setdefault(attrs["name"], []).append(attrs["content"])
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def parse(html: str) -> Head:
    head = Head()
    head.feed(html)
    return head


def statement_context(pk: int) -> dict:
    """What statement_detail gives its template (the fragment needs no more)."""
    statement = Statement.objects.for_listing().get(pk=pk)
    return {
        "statement": statement,
        "citation": cite(statement, accessed=date(2024, 1, 1)),
        "citation_url": f"{SITE}{statement.get_absolute_url()}",
    }


def test_statement_citation_meta_for_zotero_and_json_ld(archive):
    statement = archive.statements[0]
    head = parse(render_to_string("data/_citation_meta.html", statement_context(statement.pk)))
    meta = head.meta
    assert meta["citation_title"] == ["Statement by Mona Juul (Norway) to the General Assembly"]
    assert meta["citation_author"] == ["Mona Juul"]
    assert meta["citation_date"] == [statement.date.strftime("%Y/%m/%d")]
    assert meta["citation_technical_report_number"] == [statement.meeting.release.symbol]
    assert meta["citation_public_url"] == [f"{SITE}/statements/{statement.pk}/"]
    assert meta["citation_keywords"] == ["Climate change"]
    data = json.loads(head.json_ld[0])
    assert data["@type"] == "CreativeWork" and data["url"] == meta["citation_public_url"][0]
    assert data["author"] == {
        "@type": "Person",
        "name": "Mona Juul",
        "affiliation": {"@type": "Organization", "name": "Norway"},
    }
    assert data["isPartOf"]["reportNumber"] == statement.meeting.release.symbol
    assert data["about"] == [{"@type": "DefinedTerm", "name": "Climate change"}]


def test_every_citation_format_gives_the_same_title(archive):
    summary = next(s for s in archive.statements if s.kind == "summary")
    context = statement_context(summary.pk)
    head = parse(render_to_string("data/_citation_meta.html", context))
    title = head.meta["citation_title"][0]
    assert title.startswith("Summary of a statement by ")
    assert head.meta["DC.title"] == [title]
    assert json.loads(head.json_ld[0])["name"] == title
    citation = context["citation"]
    assert citation.text.startswith(title + ", ")
    assert f"TI  - {title}\r\n" in citation.ris
    assert f"title        = {{{title}}}" in citation.bibtex


def test_citation_meta_escapes_hostile_text(archive):
    statement = archive.statements[1]
    hostile = 'Minister "for" <script>alert(1)</script> & \\ </script>'
    Statement.objects.filter(pk=statement.pk).update(title=hostile)
    html = render_to_string("data/_citation_meta.html", statement_context(statement.pk))
    assert "<script>alert" not in html and html.count("</script>") == 1
    data = json.loads(parse(html).json_ld[0])
    assert data["author"]["jobTitle"] == hostile


def test_unattributed_statement_has_an_organization_author(archive):
    reply = next(s for s in archive.statements if s.kind == "right_of_reply")
    head = parse(render_to_string("data/_citation_meta.html", statement_context(reply.pk)))
    assert "citation_author" not in head.meta
    assert json.loads(head.json_ld[0])["author"] == {"@type": "Organization", "name": "France"}


def test_meeting_citation_meta(archive, rf: RequestFactory):
    meeting = archive.meetings[1]
    request = rf.get(meeting.get_absolute_url())
    html = render_to_string(
        "data/_meeting_citation_meta.html", {"meeting": meeting}, request=request
    )
    head = parse(html)
    assert head.meta["citation_title"] == [meeting.release.headline]
    assert head.meta["citation_technical_report_number"] == [meeting.release.symbol]
    assert head.meta["citation_public_url"] == [f"{SITE}/meetings/{meeting.pk}/"]  # SITE_URL
    data = json.loads(head.json_ld[0])
    assert data["@type"] == "Report" and data["about"]["startDate"] == meeting.date.isoformat()


def test_meeting_citation_meta_without_site_url_links_to_the_host_asked(archive, rf, settings):
    settings.SITE_URL = ""
    meeting = archive.meetings[1]
    html = render_to_string(
        "data/_meeting_citation_meta.html", {"meeting": meeting}, request=rf.get("/")
    )
    url = f"http://testserver/meetings/{meeting.pk}/"
    assert parse(html).meta["citation_public_url"] == [url]


@pytest.mark.parametrize(
    "context, expected",
    [
        ({"export_query": "speaker=mona-juul"}, "?speaker=mona-juul"),
        ({"state": "ui"}, "?q=climate&amp;delegation=NOR"),
        ({}, "?q=climate&amp;delegation=NOR&amp;page=3"),
    ],
)
def test_export_links_carry_the_search(archive, rf, context, expected):
    request = rf.get("/statements/", {"q": "climate", "delegation": "NOR", "page": "3"})
    if context.get("state"):
        context = {"state": QueryState(request.GET)}
    html = render_to_string("data/_export_links.html", context, request=request)
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert f"/statements/export.csv{expected}" in hrefs
    assert f"/statements/export.jsonl{expected}" in hrefs
    assert f"/feeds/statements.atom{expected}" in hrefs


def test_feed_link_for_each_kind_of_page(archive, rf):
    request = rf.get("/statements/", {"q": "climate"})
    speaker = archive.speakers["NOR"]
    cases = {
        "/feeds/speakers/mona-juul.atom": {"speaker": speaker},
        "/feeds/themes/climate-change.atom": {"theme": archive.climate},
        "/feeds/delegations/norway.atom": {"delegation": archive.statements[0].delegation},
        "/feeds/statements.atom?q=climate": {"state": QueryState(request.GET)},
    }
    for url, context in cases.items():
        html = render_to_string("data/_feed_link.html", context, request=request)
        assert f'href="{url}"' in html and 'type="application/atom+xml"' in html
