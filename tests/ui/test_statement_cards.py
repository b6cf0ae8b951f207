"""A statement's card (`|card`, `|speaker_card`, `|listed_card`) and name (`|who`), golden files."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.safestring import mark_safe

from statements.models import Statement
from statements.search import cards
from statements.templatetags.statement_cards import card_html, who
from statements.themes.models import Theme
from tests.factories import (
    make_meeting,
    make_release,
    make_speaker,
    make_statement,
    make_theme,
    make_theme_tag,
)

pytestmark = pytest.mark.django_db

LONG = " ".join(f"word{n} <b>&amp;" for n in range(40))  # past 55 words, with markup to escape
GOLDEN = Path(__file__).resolve().parent / "golden" / "cards"


@pytest.fixture
def statements() -> list[Statement]:
    # Symbols and slugs given: the factories' defaults count across the whole test run.
    meeting = make_meeting(
        day=date(2021, 2, 3), release=make_release(symbol="GA/T1", day=date(2021, 2, 3))
    )
    unnumbered = make_meeting(
        body="Security Council",
        session=None,
        numbers=[],
        part="",
        release=make_release(symbol="SC/T2"),
    )
    speaker = make_speaker(name="Mona O'Juul & Co", slug="mona-ojuul-co")
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
def test_cards_equal_their_golden_file(statements, language, hide_speaker, query):
    """Six varied cards, as each page shows them. After an intended change of the card:
    REGENERATE_GOLDEN=1 python3 dev.py test tests/ui/test_statement_cards.py, and read the diff."""
    themes = Theme.objects.in_bulk()
    snippets = [None, mark_safe("a <mark>peace</mark> &amp; war"), ""]
    with translation.override(language):
        built = "".join(
            card_html(
                cards.card(statement, cards.Links(), themes),
                snippets[n % 3],
                query=query,
                hide_speaker=hide_speaker,
            )
            for n, statement in enumerate(statements)
        )
    golden = GOLDEN / f"{language}-{'own-page' if hide_speaker else 'list'}-{bool(query)}.html"
    built = _numbered(built, statements)
    if os.environ.get("REGENERATE_GOLDEN"):
        golden.write_text(built, encoding="utf-8")
    assert built == golden.read_text(encoding="utf-8")


def _numbered(html: str, statements: list[Statement]) -> str:
    """Ids, which depend on the database's sequences, as their place in the fixture."""
    meetings = list(dict.fromkeys(s.meeting_id for s in statements))
    for n, pk in enumerate(meetings):
        html = html.replace(f"/meetings/{pk}/", f"/meetings/M{n}/")
    for n, statement in enumerate(statements):
        for form in ("result-{}", "/statements/{}/", "#statement-{}"):
            html = html.replace(form.format(statement.pk), form.format(f"S{n}"))
    return html


def test_who_reads_a_statement_as_its_card_does(statements):
    themes = Theme.objects.in_bulk()
    for statement in statements:
        card = cards.card(statement, cards.Links(), themes)
        heading = re.search(
            r'<h3 id="result-\d+">\s*<a href="[^"]*">(.*?)</a>', card_html(card, None, query="")
        )
        assert who(statement) == heading.group(1)


def test_the_search_page_shows_the_python_cards(client, statements):
    html = client.get("/statements/?delegation=USA").content.decode()
    assert html.count('<article class="result"') == 1
    assert '<span class="badge badge-reply">' in html
    assert "word1 &lt;b&gt;&amp;amp; word2" in html  # the text escaped, cut after 55 words
    assert "word27 …" in html and "word28" not in html
