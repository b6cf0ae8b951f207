"""A country's record is the same on its page, in the API and in the votes CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from statements.ingest import ingest_source
from statements.models import Delegation

RELEASES = Path(__file__).resolve().parent / "releases"
pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(db) -> None:
    for name in ("sc_2024_veto_tally.txt", "sc_2016_unanimous.txt", "ga_2019_consensus.txt"):
        path = RELEASES / name
        ingest_source(source=path.read_bytes(), source_name=name, overrides=None, via="test")


def _page(client, delegation: Delegation) -> dict[int, tuple[str, str]]:
    html = client.get(delegation.get_absolute_url()).content.decode()
    rows = re.findall(r'data-decision="(\d+)" data-vote="([^"]*)" data-basis="([^"]*)"', html)
    return {int(pk): (vote, basis) for pk, vote, basis in rows}


def _api(client, code: str) -> dict[int, tuple[str, str]]:
    found = {}
    body = client.get(reverse("data:api-decisions-list"), {"delegation": code}).json()
    for decision in body["data"]:
        for vote in decision["votes"]:
            if vote["delegation_code"] == code:
                found[decision["id"]] = (vote["vote"], vote["basis"])
    return found


def _csv(client, code: str) -> dict[int, tuple[str, str]]:
    url = reverse("statements:decision-export", args=["votes", "csv"])
    text = b"".join(client.get(url, {"delegation": code}).streaming_content).decode()
    return {
        int(row["decision_id"]): (row["vote"], row["basis"])
        for row in csv.DictReader(io.StringIO(text))
        if row["delegation_code"] == code
    }


@pytest.mark.parametrize("code", ["USA", "CHN", "RUS", "JPN", "CUB", "BRA"])
def test_record_agrees_between_page_api_and_csv(client, archive, code: str) -> None:
    delegation = Delegation.objects.get(code=code)
    page = _page(client, delegation)
    known = {pk: mark for pk, mark in page.items() if mark[0]}
    assert known == _api(client, code) == _csv(client, code)


def test_record_lists_every_decision_while_a_member(client, archive) -> None:
    usa = _page(client, Delegation.objects.get(code="USA"))
    # 2016 and 2024 Council decisions (inferred), the Assembly's consensus, and its bare tally.
    assert sorted(usa.values()) == [
        ("", ""),
        ("consensus", "consensus"),
        ("in_favour", "inferred"),
        ("in_favour", "inferred"),
    ]
    # Brazil sat on the Council in 2010-2011 and 2022-2023, neither 2016 nor 2024.
    brazil = _page(client, Delegation.objects.get(code="BRA"))
    assert sorted(brazil.values()) == [("", ""), ("consensus", "consensus")]
    html = client.get(Delegation.objects.get(code="CUB").get_absolute_url()).content.decode()
    assert "Joined the consensus" in html and "Not known" in html
    assert "In favour" not in html[html.index('id="voting-record"') :].split("</table>")[0]


def test_decisions_list_names_actions_and_methods_in_words(client, archive) -> None:
    html = client.get(reverse("statements:decision-list")).content.decode()
    table = html[html.index("<table") :]
    assert "Failed: veto" in table and "Without a vote" in table and "Unanimously" in table
    assert "failed_veto" not in table.replace('value="failed_veto"', "")
    options = html[
        html.index('name="action"') : html.index("</select>", html.index('name="action"'))
    ]
    assert ">Failed: veto (1)<" in options
