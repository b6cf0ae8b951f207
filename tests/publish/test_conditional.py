"""Conditional requests on data out: ETag and Last-Modified answered with 304; RateLimit headers
and validators readable by scripts in other origins (CORS)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils.http import http_date, parse_http_date

from meetings.models import Release
from statements.publish.dump import dump_archive
from statements.search.models import OutboxEntry
from tests.factories import make_statement

ORIGIN = "https://elsewhere.example"
URLS = ["/api/v1/statements?limit=2", "/api/v1/delegations", "/feeds/statements.atom"]


@pytest.mark.parametrize("url", URLS)
def test_a_matching_etag_is_answered_304_without_a_body(client, db, url):
    make_statement()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_last_modified_follows_the_newest_change_and_if_modified_since_gets_304(client, db):
    make_statement()
    # Written a minute ago (triggers stamp the transaction's start: the test's, for every write).
    OutboxEntry.objects.update(created_at=F("created_at") - timedelta(seconds=60))
    Release.objects.update(ingested_at=F("ingested_at") - timedelta(seconds=90))
    first = client.get("/api/v1/statements")
    newest = OutboxEntry.objects.latest("created_at").created_at
    assert parse_http_date(first["Last-Modified"]) == int(newest.timestamp())
    since = first["Last-Modified"]
    assert client.get("/api/v1/statements", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    earlier = http_date(parse_http_date(since) - 60)
    assert client.get("/api/v1/statements", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    make_statement(text="A later statement.")  # the data changed: the old date no longer holds
    assert client.get("/api/v1/statements", HTTP_IF_MODIFIED_SINCE=since).status_code == 200


def test_with_no_outbox_entry_left_only_the_etag_is_sent(client, db):
    make_statement()
    OutboxEntry.objects.all().delete()  # pruned: when the data changed is no longer known
    response = client.get("/api/v1/statements")
    assert response.has_header("ETag") and not response.has_header("Last-Modified")


def test_a_dump_manifest_and_zip_answer_304(client, db, settings, tmp_path):
    settings.DATA_DUMPS_DIR = tmp_path
    make_statement()
    result = dump_archive(output=tmp_path)
    for url in [f"/data/{result.name}.json", f"/data/{result.name}.zip"]:
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        since = first["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304


def test_errors_and_streams_carry_no_validator(client, db):
    assert not client.get("/api/v1/statements?limit=0").has_header("ETag")
    export = client.get("/statements/export.csv")
    b"".join(export.streaming_content)  # read: the export's slot is given back on close
    assert not export.has_header("ETag")


@pytest.fixture
def limited(settings):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "api": "3/h", "feeds": "3/h"}
    settings.RATELIMIT_REFUSAL_DELAY = 0
    cache.clear()
    yield settings
    cache.clear()


def test_ratelimit_headers_count_down_and_are_exposed_to_other_origins(client, db, limited):
    remaining = []
    for _ in range(3):
        response = client.get("/api/v1/speakers", HTTP_ORIGIN=ORIGIN)
        assert response["RateLimit-Policy"] == '"api";q=3;w=3600'
        name, r, t = response["RateLimit"].split(";")
        assert name == '"api"' and 0 < int(t.removeprefix("t=")) <= 3600
        remaining.append(int(r.removeprefix("r=")))
    assert remaining == [2, 1, 0]
    refused = client.get("/api/v1/speakers", HTTP_ORIGIN=ORIGIN)
    assert refused.status_code == 429 and refused["RateLimit"].startswith('"api";r=0;')
    exposed = {h.strip().lower() for h in refused["Access-Control-Expose-Headers"].split(",")}
    assert {"retry-after", "ratelimit", "ratelimit-policy", "etag", "last-modified"} <= exposed


def test_a_304_still_counts_and_says_so(client, db, limited):
    make_statement()  # (an empty feed is dated now: each answer differs)
    etag = client.get("/feeds/statements.atom")["ETag"]
    again = client.get("/feeds/statements.atom", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["RateLimit"].startswith('"feeds";r=1;')


def test_pages_for_people_carry_no_ratelimit_headers(client, db, limited):
    assert not client.get("/statements/?q=peace").has_header("RateLimit")


def test_the_newest_ingest_is_read_from_an_index_not_a_scan(db):
    """Every conditional answer asks Max(Release.ingested_at): the index's last entry answers it,
    as the planner chooses once the table has a few thousand rows (statistics refreshed)."""
    table, column = Release._meta.db_table, Release._meta.get_field("ingested_at").column
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO "{table}" (symbol, date, date_inferred, headline, language,
                source_name, source_url, source_format, content_hash, parser_version,
                first_ingested_at, "{column}")
            SELECT 'GA/' || n, DATE '2020-01-01', false, 'h', 'en', 's', '', '', md5(n::text),
                   'v', now(), now() - n * interval '1 minute'
            FROM generate_series(1, 5000) AS n"""
        )
        cursor.execute(f'ANALYZE "{table}"')
        cursor.execute(f'EXPLAIN SELECT max("{column}") FROM "{table}"')
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan Backward using release_ingested_at_idx" in plan, plan
