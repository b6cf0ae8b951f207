"""Snippets stem each statement in its release's language (meetings.languages)."""

import pytest

from meetings import languages
from statements.models import Statement
from statements.search import query as search
from tests.factories import make_meeting, make_release, make_statement

pytestmark = pytest.mark.django_db


def _snippet(statement: Statement, text: str) -> str:
    return search.headlines([statement.pk], text).get(statement.pk, "")


def test_a_french_release_is_highlighted_with_french_stems():
    meeting = make_meeting(release=make_release(language="fr"))
    statement = make_statement(meeting=meeting, text="La résolution a été adoptée hier.")
    # English stemming keeps "adopter" and "adoptée" apart; French makes them one word.
    assert "<mark>adoptée</mark>" in _snippet(statement, "adopter")


def test_an_english_release_keeps_english_stems():
    statement = make_statement(text="The resolution was adopted yesterday.")
    assert "<mark>adopted</mark>" in _snippet(statement, "adopting")


def test_a_release_language_code_falls_back_to_english():
    assert languages.for_release("fr-FR").postgres == "french"
    assert languages.for_release("").code == languages.DEFAULT
    assert languages.for_release("xx") == languages.LANGUAGES[languages.DEFAULT]
