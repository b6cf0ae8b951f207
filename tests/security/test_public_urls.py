"""Links use the request's host when SITE_URL is unset, and SITE_URL when it is set."""

from __future__ import annotations

import json

import pytest

from config.public_urls import site_url

HOST = "archive.test:8123"


@pytest.fixture
def unset(settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["archive.test", "archive.example.org"]
    return settings


def get(client, url: str, **extra):
    response = client.get(url, HTTP_HOST=HOST, **extra)
    assert response.status_code == 200, url
    return response


def test_permalink_and_citation_use_the_request_host(client, archive, unset):
    statement = archive.statements[0]
    response = get(client, statement.get_absolute_url())
    assert response.context["citation_url"] == f"http://{HOST}/statements/{statement.pk}/"
    assert f"http://{HOST}/statements/{statement.pk}/" in response.context["citation"].text
    assert b"127.0.0.1:8000" not in response.content


def test_feed_api_export_and_sitemap_links_use_the_request_host(client, archive, unset):
    feed = get(client, "/feeds/statements.atom?q=climate").content.decode()
    assert f"http://{HOST}/statements/?q=climate" in feed and "127.0.0.1" not in feed
    api = json.loads(get(client, "/api/v1/statements?limit=1").content)
    assert api["links"]["next"].startswith(f"http://{HOST}/api/v1/statements?")
    export = get(client, "/statements/export.jsonl")
    first = json.loads(b"".join(export.streaming_content).splitlines()[0])
    assert first["permalink"].startswith(f"http://{HOST}/statements/")
    sitemap = get(client, "/sitemap.xml").content.decode()
    assert f"http://{HOST}/sitemap-" in sitemap
    assert f"http://{HOST}/" in get(client, "/data/").content.decode()


def test_https_only_when_the_proxy_header_is_trusted(client, archive, unset):
    statement = archive.statements[0]
    claimed = get(client, statement.get_absolute_url(), HTTP_X_FORWARDED_PROTO="https")
    assert claimed.context["citation_url"].startswith(f"http://{HOST}/")  # not believed
    unset.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    proxied = get(client, statement.get_absolute_url(), HTTP_X_FORWARDED_PROTO="https")
    assert proxied.context["citation_url"].startswith(f"https://{HOST}/")


def test_site_url_wins_when_set(client, archive, settings):
    settings.SITE_URL = "https://archive.example.org"
    settings.ALLOWED_HOSTS = ["archive.test"]
    statement = archive.statements[0]
    response = get(client, statement.get_absolute_url())
    assert response.context["citation_url"].startswith("https://archive.example.org/")


def test_without_a_request_the_fallback_is_used(settings):
    settings.SITE_URL = ""
    assert site_url() == settings.FALLBACK_SITE_URL
