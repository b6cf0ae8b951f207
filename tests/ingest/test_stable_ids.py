"""Statement ids survive any sequence of uploads: matched by content, restored when they return."""

from __future__ import annotations

from datetime import date

import pytest

from statements.ingest import ingest_source
from statements.models import RetiredStatement, Statement
from tests.rows import changed_rows, row_counts
from tests.seed import SEED_OVERRIDES, council_bytes, seed_bytes

pytestmark = pytest.mark.django_db
SC = {"symbol": "SC/12990", "date": date(2017, 9, 11)}


def ingest(source: bytes, overrides=SC, **kwargs):
    return ingest_source(
        source=source, source_name="x.txt", overrides=dict(overrides), via="test", **kwargs
    )


def ids_by_text() -> dict[str, int]:
    return dict(Statement.objects.values_list("text", "id"))


def test_an_inserted_paragraph_does_not_move_other_ids():
    ingest(seed_bytes(), SEED_OVERRIDES)
    before_ids = ids_by_text()
    paragraphs = seed_bytes().split(b"\n\n")
    first = next(i for i, p in enumerate(paragraphs) if p.startswith(b"The representative of"))
    inserted = b"The representative of Peru said trafficking must end now.  It is a crime."
    edited = b"\n\n".join([*paragraphs[:first], inserted, *paragraphs[first:]])
    before = row_counts()
    result = ingest(edited, SEED_OVERRIDES)
    after_ids = ids_by_text()
    assert all(after_ids[text] == pk for text, pk in before_ids.items())
    assert changed_rows(before) == {"Statement": 1, "Ingestion": 1}
    assert result.counts["statements created"] == 1


def test_a_retired_statement_whose_paragraph_comes_back_gets_its_id_back():
    ingest(council_bytes())
    china = Statement.objects.get(delegation_label="China")
    without_china = council_bytes().split(b"\n\nThe representative of China")[0] + b"\n"
    ingest(without_china)
    assert RetiredStatement.objects.filter(statement_id=china.pk).exists()
    before = row_counts()
    result = ingest(council_bytes())
    assert Statement.objects.get(delegation_label="China").pk == china.pk
    assert not RetiredStatement.objects.filter(statement_id=china.pk).exists()
    assert result.counts["statements restored"] == 1
    assert changed_rows(before) == {"Statement": 1, "RetiredStatement": -1, "Ingestion": 1}


def test_ids_survive_a_wrong_replace_and_the_genuine_reupload():
    ingest(council_bytes())
    ids = ids_by_text()
    other = council_bytes(number=9616).replace(b"sanctions regime", b"ceasefire")
    ingest(other, {"symbol": "SC/12990", "date": date(2024, 4, 18)}, replace=True)
    ingest(council_bytes(), replace=True)
    assert ids_by_text() == ids
    assert not RetiredStatement.objects.filter(statement_id__in=ids.values()).exists()
