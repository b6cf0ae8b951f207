"""What the results page precomputes to save CPU gives what Django itself gives: the rows' query
compiled once (statements/search/compiled.py) and counts worded once a page
(statements/search/wording.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import ngettext

from statements.models import Statement
from statements.search import compiled
from statements.search.query import headlines
from statements.search.wording import PageWords
from tests.factories import make_statement, make_theme, make_theme_tag


@pytest.mark.django_db
def test_compiled_rows_give_each_call_its_own_ids_with_their_themes():
    listing = Statement.objects.with_related().with_theme_ids()
    rows = compiled.CompiledQuery(listing.filter(pk__any_of=compiled.ids()))
    first, second, third = (make_statement(text=f"Text {n}.") for n in range(3))
    theme = make_theme(slug="oceans")
    make_theme_tag(statement=second, theme=theme)

    assert set(rows.in_bulk([first.pk, second.pk])) == {first.pk, second.pk}
    with CaptureQueriesContext(connection) as queries:
        found = rows.in_bulk([third.pk, second.pk, 10**9])  # an id no longer there is skipped
    assert set(found) == {third.pk, second.pk}
    assert found[second.pk].theme_ids == [theme.pk]
    assert found[third.pk].theme_ids == []
    assert found[second.pk].meeting.release.symbol == second.meeting.release.symbol  # joined
    assert len(queries) == 1 and "= ANY(" in queries[0]["sql"]
    assert rows.in_bulk([]) == {}


@pytest.mark.django_db
def test_compiled_snippets_follow_each_search_text():
    refugees = make_statement(text="Refugees fled the fighting in the north.")
    famine = make_statement(text="Famine threatens the south after the drought.")
    ids = [refugees.pk, famine.pk]

    found = headlines(ids, "refugees")
    assert "<mark>Refugees</mark>" in found[refugees.pk] and "<mark>" not in found[famine.pk]
    found = headlines(ids, "famine")  # the same compiled SQL, another text
    assert "<mark>Famine</mark>" in found[famine.pk] and "<mark>" not in found[refugees.pk]
    assert headlines(ids, "") == {} and headlines([], "famine") == {}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("n", [0, 1, 2, 999, 1000, 1234567, -4321])
def test_page_words_read_counts_as_django_does(language, n):
    with translation.override(language):
        words = PageWords()
        assert words.grouped(n) == number_format(n, force_grouping=True)
        assert words.ngettext("statement", "statements", n) == ngettext(
            "statement", "statements", n
        )
