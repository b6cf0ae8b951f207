"""sitemap.xml (a paginated index) and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.urls import reverse

from statements.models import Statement
from statements.publish import sitemaps
from tests.publish.conftest import SITE

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client, url: str, tag: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SM}{tag}"
    return [loc.text for loc in root.iter(f"{SM}loc")]


def test_index_lists_each_page_of_each_section(client, archive, monkeypatch):
    monkeypatch.setattr(sitemaps.StatementSitemap, "limit", 10)
    index = locations(client, reverse("data:sitemap"), "sitemapindex")
    statement_pages = [u for u in index if "sitemap-statements" in u]
    assert len(statement_pages) == -(-Statement.objects.count() // 10)
    assert statement_pages[1] == f"{SITE}/sitemap-statements.xml?p=2"
    urls = []
    for page in statement_pages:
        urls += locations(client, page.removeprefix(SITE), "urlset")
    assert sorted(urls) == sorted(f"{SITE}{s.get_absolute_url()}" for s in Statement.objects.all())


def test_sections_hold_the_public_pages(client, archive):
    pages = locations(client, "/sitemap-pages.xml", "urlset")
    assert f"{SITE}/" in pages and f"{SITE}/data/" in pages
    assert f"{SITE}/speakers/mona-juul/" in locations(client, "/sitemap-speakers.xml", "urlset")
    delegations = locations(client, "/sitemap-delegations.xml", "urlset")
    assert f"{SITE}/delegations/norway/" in delegations
    assert all("atlantis" not in url for url in delegations)
    meetings = locations(client, "/sitemap-meetings.xml", "urlset")
    assert len(meetings) == len(archive.meetings)
    assert f"{SITE}/themes/climate-change/" in locations(client, "/sitemap-themes.xml", "urlset")


def test_statement_entries_have_lastmod(client, archive):
    root = ET.fromstring(client.get("/sitemap-statements.xml").content)
    assert all(url.find(f"{SM}lastmod") is not None for url in root.iter(f"{SM}url"))


def test_unknown_section_or_page_is_404(client, archive):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-statements.xml?p=99").status_code == 404


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_heavy_urls(client, archive):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in text
    for path in ["/admin/", "/api/", "/statements/export", "/statements/?"]:
        assert f"Disallow: {path}\n" in text
    assert "Disallow: /\n" not in text
