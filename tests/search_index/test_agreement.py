"""The page, the CSV export and the API count the same matches for the same query."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests.ui.dataset import build_archive

QUERIES = [
    "q=nuclear",
    'q="nuclear weapons" OR climate',
    "q=climate -nuclear",
    "delegation=NOR&delegation=SWE",
    "theme=sustainable-development&sort=oldest",
    "kind=summary",
    "",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
def test_page_export_and_api_agree(client, query):
    build_archive()
    page = client.get(f"{reverse('statements:statement-list')}?{query}").context["page"]
    export = client.get(f"{reverse('data:export-csv')}?{query}")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    api = client.get(f"{reverse('data:api-statements-list')}?{query}").json()
    assert page.total == len(rows) == api["meta"]["total"]
    assert page.total > 0 or query == "kind=summary"
