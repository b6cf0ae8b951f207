"""Tagging quality on the labelled set: precision first, as a wrong tag costs researchers most."""

from __future__ import annotations

import pytest

from statements.themes.quality import score, table, total
from statements.themes.tagging import effective_tags, retag_all
from tests.themes.labelled import insert_labelled

pytestmark = pytest.mark.django_db

MIN_PRECISION = 0.9


@pytest.fixture(scope="module")
def scores(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            expected = insert_labelled()
            retag_all()
            actual = {pk: set() for pk in expected}
            for pk, slug in effective_tags().values_list("statement_id", "theme__slug"):
                actual[pk].add(slug)
            transaction.set_rollback(True)
    return score(expected, actual)


def test_precision_overall_is_at_least_0_9(scores):
    overall = total(scores)
    others = total(scores, exclude=("trafficking-in-persons",))
    print("\n" + table(scores, [overall, others]))
    assert overall.precision >= MIN_PRECISION
    assert others.precision >= MIN_PRECISION


def test_every_labelled_trafficking_statement_is_found(scores):
    assert scores["trafficking-in-persons"].recall == 1.0
    assert scores["trafficking-in-persons"].precision == 1.0
