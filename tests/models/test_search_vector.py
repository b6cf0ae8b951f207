"""The generated search vector: a statement is searchable as soon as it is saved."""

import pytest

from statements.models import Statement
from tests.factories import make_statement

pytestmark = pytest.mark.django_db


def test_statement_is_found_by_a_word_of_its_text_right_after_saving():
    statement = make_statement(text="Delegates condemned the trafficking of migrants.")
    assert list(Statement.objects.search("trafficking")) == [statement]
    assert list(Statement.objects.search("migrant")) == [statement]  # stemmed
    assert not Statement.objects.search("climate").exists()


def test_vector_follows_an_edit():
    statement = make_statement(text="Peacekeeping budgets were debated.")
    statement.text = "Outer space was debated."
    statement.save()
    assert Statement.objects.search("space").exists()
    assert not Statement.objects.search("peacekeeping").exists()


def test_delegation_label_is_searchable():
    make_statement(delegation="NOR", text="We support the resolution.")
    assert Statement.objects.search("Norway").count() == 1


def test_websearch_syntax_phrase_and_exclusion():
    a = make_statement(text="The human rights council met.")
    make_statement(text="Human beings have rights.")
    assert list(Statement.objects.search('"human rights"')) == [a]
    assert Statement.objects.search("human -council").count() == 1
