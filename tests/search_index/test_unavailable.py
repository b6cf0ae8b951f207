"""No index, or a damaged one: readers get a clean 503, staff the reason."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.search.index import store
from statements.search.index.rebuild import rebuild

pytestmark = pytest.mark.django_db

URL = reverse("statements:statement-list")


def test_missing_index_is_a_503_not_a_500(client, index_dir):
    response = client.get(URL, {"q": "peace"})
    assert response.status_code == 503
    assert b"Search is briefly unavailable" in response.content
    assert b"rebuild_search_index" not in response.content


def test_staff_are_told_what_to_run(client, index_dir, admin_user):
    client.force_login(admin_user)
    response = client.get(URL)
    assert response.status_code == 503 and b"rebuild_search_index" in response.content


def test_a_corrupt_index_is_a_503(client, index_dir):
    rebuild()
    (store.current_generation() / "meta.json").write_text("{not json")
    store._opened = None
    assert client.get(URL).status_code == 503


def test_pages_that_need_no_index_still_answer_with_the_page_cache_on(client, index_dir, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get(reverse("statements:meeting-list")).status_code == 200
    assert client.get(URL, {"q": "peace"}).status_code == 503
