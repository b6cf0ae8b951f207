"""No N+1: every page makes the same number of queries whatever the number of results."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Statement
from tests.factories import make_statement, make_theme_tag
from tests.ui.dataset import Archive, build_archive

FILTERED = (
    "/statements/?q=nuclear+OR+climate&delegation=NOR&delegation=SWE&theme=human-rights"
    "&theme=climate-change&kind=statement&kind=right_of_reply&body=general-assembly"
    "&body=security-council&session=74&session=75&speaker=mona-juul&date_from=2019&date_to=2030"
)


def pages(archive: Archive) -> dict[str, str]:
    meeting = archive.meetings[0]
    statement = meeting.statements.order_by("sequence")[2]
    speaker = archive.speakers["NOR"]
    return {
        "home": "/",
        "browse": "/statements/",
        "search": "/statements/?q=nuclear",
        "search, oldest": "/statements/?q=delegate&sort=oldest",
        "filters": FILTERED,
        "three countries": "/statements/?delegation=NOR&delegation=SWE&delegation=FRA",
        "speaker": speaker.get_absolute_url(),
        "speaker, search": speaker.get_absolute_url() + "?q=nuclear",
        "delegation": "/delegations/norway/",
        "theme": "/themes/human-rights/",
        "meeting": meeting.get_absolute_url(),
        "statement": statement.get_absolute_url(),
        "delegations": "/delegations/",
        "speakers": "/speakers/",
        "meetings": "/meetings/",
        "themes": "/themes/",
    }


def count_queries(client, urls: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    return counts


def grow(archive: Archive) -> None:
    """Many more meetings, and a much longer first meeting with themed statements."""
    build_archive(meetings_per_year=3, years=(2019, 2020, 2021, 2022, 2023), start=100)
    meeting = archive.meetings[0]
    for i in range(25):
        statement = make_statement(
            meeting=meeting, delegation=["KEN", "FRA", "NOR"][i % 3],
            speaker=archive.speakers["NOR"] if i % 3 == 2 else None,
            text=f"Nuclear disarmament and climate change, point {i}.",
        )  # fmt: skip
        make_theme_tag(statement=statement, theme=archive.themes["climate"])
        make_theme_tag(statement=statement, theme=archive.themes["women"], source="agenda")


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_results(client, archive):
    urls = pages(archive)
    small = count_queries(client, urls)
    before = Statement.objects.count()
    grow(archive)
    assert Statement.objects.count() > 3 * before
    large = count_queries(client, urls)
    assert large == small
    # Constant, not growing; the all-facets page resolves each chosen value to ids per facet,
    # after one query per list parameter checks that its values exist.
    assert max(small.values()) <= 36, small
