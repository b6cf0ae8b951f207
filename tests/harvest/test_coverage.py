"""The public coverage page and API: listed, archived, waiting, failed (why), sequence gaps."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from statements.harvest.coverage import Gap, sequence_gaps
from statements.harvest.models import ListedRelease
from tests.factories import make_release

pytestmark = pytest.mark.django_db
DAY = datetime.date(2021, 11, 23)


def test_gaps_are_runs_of_missing_numbers_per_series_with_what_is_known():
    archived = ["GA/12386", "GA/12388", "GA/12392", "GA/EF/3500", "GA/EF/3502", "SC/14567"]
    known = {"GA/12387": "waiting", "GA/12389": "listed", "GA/12390": "listed"}
    assert sequence_gaps(archived, known) == [
        Gap("GA", 12387, 12387, "waiting"),
        Gap("GA", 12389, 12390, "listed"),
        Gap("GA", 12391, 12391, ""),
        Gap("GA/EF", 3501, 3501, ""),
    ]
    assert Gap("GA", 12389, 12390, "listed").label == "GA/12389–12390"


@pytest.fixture
def year_2021(harvest_settings, site):
    """2021 of the General Assembly: two archived around a gap, one waiting, one failed."""
    make_release(symbol="GA/12386", day=DAY)
    make_release(symbol="GA/12388", day=DAY)
    make_release(symbol="GA/12400", day=DAY)
    make_release(symbol="SC/14000", day=DAY)  # another body
    urls = [site.base_url + "/en/2021/ga12399.doc.htm", site.base_url + "/en/2021/ga12395.doc.htm"]
    with pytest.raises(CommandError):  # GA/12395 is not on the site: a 404
        call_command(
            "harvest_press_releases", "--url", *urls, "--no-progress", stdout=io.StringIO()
        )
    ListedRelease.objects.create(url="https://press.un.org/en/2021/ga12390.doc.htm",
                                 symbol="GA/12390", body="general-assembly", year=2021,
                                 language="en")  # fmt: skip
    return site


def test_the_coverage_page_shows_a_bodys_year(year_2021, client):
    html = client.get("/coverage/general-assembly/2021/").content.decode()
    assert "General Assembly, 2021" in html
    assert "GA/12387: never listed to the harvester" in html
    assert "GA/12390: listed by the site, not yet harvested" in html
    assert "GA/12399: waiting for review" in html and "Atlantis" in html
    assert "GA/12395: harvest failed" in html and "HTTP 404" in html
    assert "SC/14000" not in html


def test_the_coverage_index_counts_each_body_and_year(year_2021, client):
    html = client.get("/coverage/").content.decode()
    assert 'href="/coverage/general-assembly/2021/"' in html
    assert 'href="/coverage/security-council/2021/"' in html


def test_the_coverage_api(year_2021, client):
    data = client.get("/api/v1/coverage/general-assembly/2021").json()
    assert data["counts"] == {"listed": 1, "archived": 3, "waiting": 1, "failed": 1,
                              "missing_in_sequence": 12}  # fmt: skip
    assert [e["symbol"] for e in data["archived"]] == ["GA/12386", "GA/12388", "GA/12400"]
    assert data["failed"][0]["symbol"] == "GA/12395" and "404" in data["failed"][0]["reason"]
    assert {"series": "GA", "first": 12387, "last": 12387, "known": ""} in data["gaps"]
    index = client.get("/api/v1/coverage").json()["data"]
    row = next(r for r in index if r["body"] == "general-assembly" and r["year"] == 2021)
    assert row["archived"] == 3 and row["url"].endswith("/api/v1/coverage/general-assembly/2021")


def test_unknown_bodies_and_years_are_404s(client, db):
    assert client.get("/coverage/atlantis/2021/").status_code == 404
    assert client.get("/coverage/general-assembly/1900/").status_code == 404
    problem = client.get("/api/v1/coverage/atlantis/2021")
    assert problem.status_code == 404 and "bodies are" in problem.json()["detail"]
    assert client.get("/api/v1/coverage?x=1").status_code == 400
