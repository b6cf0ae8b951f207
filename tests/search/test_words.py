"""Search words through the engine: a saved statement is found by its words, stemmed, its speaker
and delegation names, and the websearch syntax (phrases, exclusions)."""

import pytest

from statements.search.filters import StatementFilter
from statements.search.index import engine
from tests.factories import make_statement

pytestmark = pytest.mark.django_db


def search(words: str) -> list[int]:
    return engine.all_ids(StatementFilter({"q": words}).spec(), sort="relevance")


def test_statement_is_found_by_a_word_of_its_text_right_after_saving():
    statement = make_statement(text="Delegates condemned the trafficking of migrants.")
    assert search("trafficking") == [statement.pk]
    assert search("migrant") == [statement.pk]  # stemmed
    assert search("climate") == []


def test_search_follows_an_edit():
    statement = make_statement(text="Peacekeeping budgets were debated.")
    statement.text = "Outer space was debated."
    statement.save()
    assert search("space") == [statement.pk]
    assert search("peacekeeping") == []


def test_delegation_label_is_searchable():
    make_statement(delegation="NOR", text="We support the resolution.")
    make_statement(delegation="SWE", text="We support the resolution.")
    assert len(search("Norway")) == 1


def test_websearch_syntax_phrase_and_exclusion():
    a = make_statement(text="The human rights council met.")
    b = make_statement(text="Human beings have rights.")
    assert search('"human rights"') == [a.pk]
    assert search("human -council") == [b.pk]
    assert sorted(search("council OR beings")) == sorted([a.pk, b.pk])
