"""A card built in Python (`|card`, `|speaker_card`) is byte for byte the card template's."""

from __future__ import annotations

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from statements.models import Statement
from statements.search import cards
from statements.templatetags.statement_cards import card_html
from statements.themes.models import Theme
from tests.factories import make_meeting, make_speaker, make_statement, make_theme, make_theme_tag

pytestmark = pytest.mark.django_db

LONG = " ".join(f"word{n} <b>&amp;" for n in range(40))  # past 55 words, with markup to escape
INCLUDE = Template('{% include "includes/_statement_card.html" %}')


@pytest.fixture
def statements() -> list[Statement]:
    meeting = make_meeting(day=date(2021, 2, 3))
    unnumbered = make_meeting(body="Security Council", session=None, numbers=[], part="")
    speaker = make_speaker(name="Mona O'Juul & Co")
    made = [
        make_statement(meeting=meeting, speaker=speaker, title="Minister <for> A&B"),
        _with(make_statement(meeting=meeting, delegation=None), speaker_label="MR. JOHN SMITH"),
        make_statement(meeting=meeting, delegation="USA", kind="right_of_reply", text=LONG),
        _with(make_statement(meeting=unnumbered, delegation=None), delegation_label='"X" & Y'),
        make_statement(meeting=unnumbered, delegation=None, on_behalf_of="the <Group> of 77"),
        make_statement(meeting=meeting, delegation="FRA", on_behalf_of="the European Union"),
    ]
    theme = make_theme(slug="peace-security", name="Peace & <security>")
    make_theme_tag(statement=made[0], theme=theme)
    make_theme_tag(statement=made[2], theme=make_theme(slug="climate"))
    rows = Statement.objects.with_related().with_theme_ids().in_bulk([s.pk for s in made])
    return [rows[s.pk] for s in made]


def _with(statement: Statement, **fields) -> Statement:
    Statement.objects.filter(pk=statement.pk).update(**fields)
    return statement


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("hide_speaker", [False, True])
@pytest.mark.parametrize("query", ["", 'peace & "war" é/x'])
def test_python_cards_equal_the_template(statements, language, hide_speaker, query):
    themes = Theme.objects.in_bulk()
    snippets = [None, mark_safe("a <mark>peace</mark> &amp; war"), ""]
    with translation.override(language):
        for n, statement in enumerate(statements):
            card = cards.card(statement, cards.Links(), themes)
            snippet = snippets[n % 3]
            context = {"statement": card, "snippet": snippet, "query": query}
            expected = INCLUDE.render(Context(context | {"hide_speaker": hide_speaker}))
            built = card_html(card, snippet, query=query, hide_speaker=hide_speaker)
            assert built == expected, statement.pk


def test_the_search_page_shows_the_python_cards(client, statements):
    html = client.get("/statements/?delegation=USA").content.decode()
    assert html.count('<article class="result"') == 1
    assert '<span class="badge badge-reply">' in html
    assert "word1 &lt;b&gt;&amp;amp; word2" in html  # the text escaped, cut after 55 words
    assert "word27 …" in html and "word28" not in html
