"""Every value is checked before the write: a bad file gets a message, never a database error."""

from __future__ import annotations

from datetime import date

import pytest

from statements.ingest import IngestError, ingest_source
from tests.rows import changed_rows, row_counts
from tests.seed import council_bytes

pytestmark = pytest.mark.django_db
SC = {"symbol": "SC/12990", "date": date(2017, 9, 11)}


def ingest(source: bytes, **overrides):
    return ingest_source(source=source, source_name="x.txt", overrides={**SC, **overrides}, via="t")


@pytest.mark.parametrize(
    ("source", "overrides", "message"),
    [
        (council_bytes(number=3_000_000_000), {}, "Meeting number 3000000000"),
        (council_bytes(), {"meetings": (2**40,)}, "is not a meeting number"),
        (
            council_bytes().replace(
                b"The representative of France said",
                b"JEAN DUPONT (France), speaking on behalf of the "
                + b"Group of Friends of Peace and Security and Development " * 7
                + b"said",
            ),
            {},
            r"“on behalf of” is \d+ characters long; at most 300 fit",
        ),
        (council_bytes().replace(b"for unity.", b"for\x00 unity."), {}, "NUL bytes"),
        (council_bytes(), {"headline": "Sanctions\x00"}, "headline contains a NUL character"),
        (council_bytes(), {"source_url": "javascript:alert(1)"}, "not a web address"),
    ],
)
def test_values_the_database_would_refuse_are_errors(source, overrides, message):
    before = row_counts()
    with pytest.raises(IngestError, match=message):
        ingest(source, **overrides)
    assert changed_rows(before) == {}


def test_a_title_over_300_characters_is_named():
    long_title = ", ".join(["Minister for Foreign Affairs and Cooperation"] * 8)
    source = council_bytes().replace(
        b"The representative of France said",
        f"JEAN DUPONT, {long_title} of France, said".encode(),
    )
    before = row_counts()
    with pytest.raises(IngestError) as refused:
        ingest(source)
    assert "title" in str(refused.value) or "at most" in str(refused.value)
    assert changed_rows(before) == {}
