"""Rules compile to tsqueries on statement text only, and bad queries are explained."""

from __future__ import annotations

import pytest

from statements.themes.rules import check_query
from statements.themes.tagging import retag_all
from tests.factories import make_meeting, make_statement, make_theme

pytestmark = pytest.mark.django_db


def tagged(theme) -> set[str]:
    """The texts of the statements a rule tagged with the theme."""
    return set(theme.statement_tags.filter(source="rule").values_list("statement__text", flat=True))


def test_the_delegation_printed_beside_a_statement_does_not_match(no_shipped_rules):
    theme = make_theme(slug="ukraine-test", rules=["Ukraine"])
    make_statement(delegation="UKR", text="We support the Global Plan of Action.")
    make_statement(delegation="NOR", text="The war in Ukraine must end.")
    retag_all()
    assert tagged(theme) == {"The war in Ukraine must end."}


def test_a_hyphenated_rule_matches_both_hyphens_releases_print(no_shipped_rules):
    theme = make_theme(slug="tip-test", rules=["anti-trafficking"])
    texts = ["Its anti-trafficking law.", "Its anti\u2011trafficking law.", "Its anti law."]
    for text in texts:
        make_statement(text=text)
    retag_all()
    assert tagged(theme) == set(texts[:2])


def test_a_second_condition_must_also_match(no_shipped_rules):
    theme = make_theme(slug="space-test")
    theme.rules.create(query='"outer space"', requires='weapons OR "arms race"')
    make_statement(text="An arms race in outer space must be prevented.")
    make_statement(text="Outer space benefits farmers through satellites.")
    make_statement(text="Nuclear weapons threaten humanity.")
    retag_all()
    assert tagged(theme) == {"An arms race in outer space must be prevented."}


def test_an_excluded_phrase_keeps_drug_trafficking_out(no_shipped_rules):
    theme = make_theme(slug="tip-test", rules=['trafficking -"drug trafficking"'])
    make_statement(text="Drug trafficking fuels violence.")
    make_statement(text="Trafficking of women persists.")
    retag_all()
    assert tagged(theme) == {"Trafficking of women persists."}


def test_inactive_rules_tag_nothing(no_shipped_rules):
    theme = make_theme(slug="tip-test", rules=["trafficking"])
    theme.rules.update(is_active=False)
    make_statement(meeting=make_meeting(), text="Trafficking of women persists.")
    retag_all()
    assert tagged(theme) == set()


@pytest.mark.parametrize("query", ["the and of", "  ", '"a" OR "the"'])
def test_a_query_of_stop_words_is_refused(query):
    check = check_query(query)
    assert check.errors and "no searchable words" in check.errors[0]


def test_a_query_of_exclusions_only_is_refused():
    assert "only excludes words" in check_query("-weapons").errors[0]


def test_parentheses_and_covid_19_are_explained():
    check = check_query("(climate OR weather) COVID-19")
    assert not check.errors
    assert any("Parentheses are ignored" in w for w in check.warnings)
    assert any("hyphen before digits" in w for w in check.warnings)


def test_a_good_query_says_how_it_is_understood():
    check = check_query('"trafficking in persons" OR anti-trafficking')
    assert check.errors == () and check.warnings == ()
    assert check.understood_as == "'traffick' <2> 'person' | 'anti' <-> 'traffick'"
