"""A NUL character anywhere in the address is a 400, never a 500 (PostgreSQL text cannot hold it).

Before config/nul_characters.py, /api/v1/delegations?region=%00 and /api/v1/delegations/%00
answered 500 (psycopg refuses to send NUL); this file's API cases fail without the middleware.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db

MACHINE = [
    "/api/v1/delegations?region=%00",
    "/api/v1/delegations/%00",
    "/api/v1/statements?q=%00",
    "/api/v1/statements?speaker=a%00b",
    "/api/v1/speakers/%00",
    "/api/v1/decisions?body=%00",
    "/statements/export.csv?delegation=%00",
    "/statements/export.jsonl?q=peace%00",
    "/feeds/statements.atom?q=%00",
    "/feeds/speakers/a%00.atom",
    "/decisions/votes.csv?body=%00",
    "/api/v1/statements?%00=1",
]
PAGES = [
    "/statements/?q=%00",
    "/statements/?delegation=%00&theme=x",
    "/speakers/?name=%00",
    "/speakers/a%00b/",
    "/delegations/%00/",
    "/themes/%00/",
    "/meetings/?body=%00",
    "/decisions/?year=%00",
    "/admin/statements/statement/?q=%00",
    "/admin/login/?next=%00",
    "/sitemap-statements-%00.xml",
]


@pytest.mark.parametrize("url", MACHINE)
def test_machine_clients_get_a_400_problem_document(client, url):
    response = client.get(url)
    assert response.status_code == 400, url
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["code"] == "nul_character"


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_400(client, admin_client, url):
    asker = admin_client if url.startswith("/admin/") else client
    response = asker.get(url)
    assert response.status_code == 400, url
    assert b"NUL" in response.content


def test_addresses_without_nul_are_untouched(client):
    assert client.get("/api/v1/delegations?region=Africa").status_code == 200
    assert client.get("/statements/?q=peace%01").status_code == 200
