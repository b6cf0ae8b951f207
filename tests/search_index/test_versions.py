"""The versions of one sitting reach the disk index through the outbox (search_index 0006):
the French release arriving hides its statements from default searches, the English one
deleted in the admin shows them again."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from meetings.models import Release
from statements.ingest import ingest_source
from statements.models import Statement
from tests.search_index.test_outbox import found

pytestmark = pytest.mark.django_db(transaction=True)
RELEASES = Path(__file__).parents[1] / "i18n" / "releases"


def _ingest(name: str) -> Release:
    source = (RELEASES / name).read_bytes()
    return ingest_source(source=source, source_name=name, via="test").release


def _full(language: str) -> set[int]:
    rows = Statement.objects.full().filter(meeting__release__language=language)
    return set(rows.values_list("pk", flat=True))


def test_the_index_follows_a_sittings_versions(live_index, admin_client):
    _ingest("cs_15361_fr.txt")
    assert found() == _full("fr") and found()
    english = _ingest("sc_15361_en.txt")
    assert found() == _full("en")  # the French meeting's change named it in the outbox
    assert found(prefer="fr") == _full("fr")
    assert found(languages=("fr",)) == _full("fr")
    url = reverse("admin:meetings_release_delete", args=[english.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert found() == _full("fr") and found()
