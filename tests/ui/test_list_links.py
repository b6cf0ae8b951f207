"""The speaker list pages and counts only what it shows; facet links change one value."""

from __future__ import annotations

from django.http import QueryDict
from django.urls import reverse

from statements.models import SpeakerAlias
from statements.search.state import QueryState
from tests.factories import make_speaker, make_statement


def test_speaker_list_counts_statements_of_the_shown_page_and_matches_aliases(client, db):
    ada = make_speaker(name="Ada Lovelace")
    make_speaker(name="Bo Berg")
    SpeakerAlias.objects.create(speaker=ada, name="Countess", normalized="countess")
    make_statement(speaker=ada)
    make_statement(speaker=ada)
    page = client.get(reverse("statements:speaker-list")).context["page"]
    assert page.paginator.count == 2
    # by surname: Berg before Lovelace
    assert [(s.name, s.n) for s in page] == [("Bo Berg", 0), ("Ada Lovelace", 2)]
    found = client.get(reverse("statements:speaker-list"), {"name": "count"}).context["page"]
    assert [s.name for s in found] == ["Ada Lovelace"] and found.paginator.count == 1


def test_toggle_adds_or_removes_one_value_and_drops_paging():
    state = QueryState(QueryDict("q=a b&delegation=USA&page=3&sort=newest"))
    assert state.toggle("delegation", "FRA") == "?q=a+b&sort=newest&delegation=USA&delegation=FRA"
    assert state.toggle("delegation", "USA") == "?q=a+b&sort=newest"
    assert state.toggle("body", "security-council") == (
        "?q=a+b&delegation=USA&sort=newest&body=security-council"
    )
    assert QueryState(QueryDict("")).toggle("kind", "statement") == "?kind=statement"
    assert state.url(q=None, sort=None) == "?delegation=USA"


def test_a_facet_link_is_escaped_for_html_as_html_escape_would_whatever_the_query_holds():
    """Facet links are escaped by replacing "&" alone (results._escaped_query): that holds only
    while every other character html.escape changes is percent-encoded in a QueryState link."""
    from html import escape

    from statements.search.results import _escaped_query

    hostile = "\"'<script>&amp;</script> é ; = ? # % +"
    query = QueryDict(mutable=True)
    for name, value in (("q", hostile), ("theme", hostile), ("delegation", "USA"), ("sort", "<x>")):
        query.setlist(name, [value])
    state = QueryState(query)
    links = [
        state.toggle("delegation", hostile),
        state.toggle("delegation", "USA"),
        state.toggle("theme", hostile),
        state.toggle("speaker", 'x&y"z'),
        state.url(q=None),
        state.url(sort=hostile),
    ]
    for link in links:
        assert _escaped_query(link) == escape(link), link
    assert '"' not in "".join(links) and "<" not in "".join(links)
