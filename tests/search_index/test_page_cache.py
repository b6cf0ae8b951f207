"""Public pages are served from the cache until the index commits, and are fresh after."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from statements.ingest import ingest_source
from statements.models import Statement
from statements.search.index.indexer import Indexer
from tests.seed import SEED_OVERRIDES, seed_bytes

pytestmark = pytest.mark.django_db(transaction=True)
WORD = "Xylophonists demand quiet"


def ingest(source: bytes):
    return ingest_source(
        source=source, source_name="seed.txt", overrides=SEED_OVERRIDES, via="test"
    )


def test_a_page_is_cached_until_the_index_commits(live_index, settings, client):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    ingest(seed_bytes())
    last = Statement.objects.full().order_by("-sequence").first()
    url = f"/statements/{last.pk}/"
    first = client.get(url).content.decode()
    assert WORD not in first
    # An edit the index has not applied yet (no indexer runs): the cached page is served ...
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    Statement.objects.filter(pk=last.pk).update(text=WORD + ".")
    assert client.get(url).content.decode() == first
    # ... until the index commits the outbox entry the update's trigger wrote.
    indexer = Indexer()
    assert indexer.poll() == 1
    indexer.close()
    assert WORD in client.get(url).content.decode()


def test_nothing_is_cached_when_it_is_off(live_index, settings, client):
    settings.PAGE_CACHE_SECONDS = 0
    caches["pages"].clear()
    ingest(seed_bytes())
    statement = Statement.objects.full().order_by("pk").first()
    url = f"/statements/{statement.pk}/"
    client.get(url)
    Statement.objects.filter(pk=statement.pk).update(text=WORD + ".")
    assert WORD in client.get(url).content.decode()


def test_pages_are_kept_apart_from_the_rate_limit_counters(live_index, settings, client):
    """However many pages are kept, they cannot push a rate-limit counter out of its cache."""
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    ingest(seed_bytes())
    counters = caches["default"]
    before = len(counters._cache)  # LocMemCache's own store: what could be culled
    for statement in Statement.objects.full().order_by("pk")[:5]:
        assert client.get(f"/statements/{statement.pk}/").status_code == 200
    assert len(counters._cache) == before
    assert len(caches["pages"]._cache) >= 5
