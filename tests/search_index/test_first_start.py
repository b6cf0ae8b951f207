"""A first `dev.py start` (no index folder yet): the index is built before the sample is
ingested, so nothing prints "Search index not updated ... run manage.py rebuild_search_index".
The steps are dev.py's own, in its order (migrate is the test database's)."""

from __future__ import annotations

import io
import logging

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)
WARNING = "Search index not updated"


def first_start(*steps: tuple[str, ...]) -> None:
    for step in steps:
        call_command(*step, stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def dev_mode(index_dir, settings):
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = True  # as with DJANGO_DEBUG=1, dev.py's default
    return index_dir


def test_a_first_start_prints_no_index_warning_and_finds_the_sample(dev_mode, client, caplog):
    with caplog.at_level(logging.WARNING):
        build = ("rebuild_search_index", "--if-missing", "--no-progress")
        first_start(build, ("load_sample_data",))
        page = client.get("/statements/", {"q": "trafficking"})
    assert WARNING not in caplog.text
    assert page.context["page"].total > 0
    out = io.StringIO()
    call_command("rebuild_search_index", "--if-missing", stdout=out)  # a second start keeps it
    assert out.getvalue() == ""


def test_without_the_build_first_the_warning_is_printed(dev_mode, client, caplog):
    """What a first start printed before: the check above can fail."""
    with caplog.at_level(logging.WARNING):
        first_start(("load_sample_data",))
        client.get("/statements/", {"q": "trafficking"})
    assert WARNING in caplog.text
