"""A staff correction reaches the search index and the public pages at once (dev mode, where
the index applies each commit; the page cache on, as in production)."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from statements.ingest.correction_writes import record_correction, undo_correction
from statements.ingest.corrections import text_hash
from tests.seed import ingest_seed

pytestmark = pytest.mark.django_db(transaction=True)
TITLE = "Minister for Foreign Affairs and Trade"


def found(client, **query) -> list[int]:
    """The ids the API's search gives (its answers are cached like the pages)."""
    body = client.get("/api/v1/statements", query).json()
    return [item["id"] for item in (body["data"] if "data" in body else body["items"])]


def test_a_correction_and_its_undo_show_at_once_in_search_and_pages(live_index, settings, client):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    meeting = ingest_seed()
    target = meeting.statements.exclude(kind="summary").order_by("sequence")[2]
    assert found(client, review="corrected") == []
    before = client.get(target.get_absolute_url()).content.decode()  # now in the page cache
    correction = record_correction(
        meeting=meeting,
        operation="reassign",
        params={"anchor": text_hash(target.text), "title": TITLE},
        description="Title of statement 3",
        reason="The release prints it",
        statement_id=target.pk,
    )
    assert found(client, review="corrected") == [target.pk]
    [item] = client.get("/api/v1/statements", {"review": "corrected"}).json()["data"]
    assert item["title"] == TITLE and item["review_state"] == "corrected"
    listed = client.get("/statements/", {"review": "corrected"}).content.decode()
    assert target.get_absolute_url() in listed
    page = client.get(target.get_absolute_url()).content.decode()
    assert page != before and "Corrected by staff on" in page and TITLE in page
    undo_correction(correction=correction)
    assert found(client, review="corrected") == []
    assert "Corrected by staff on" not in client.get(target.get_absolute_url()).content.decode()
