"""Figures against counts written by hand from the two releases (see conftest), and the same
records from the page, the API and the CSV."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from statements.decisions.models import Decision, Vote

pytestmark = pytest.mark.django_db


def api(client, name: str, **query) -> dict:
    response = client.get(f"/api/v1/alignment/{name}", query)
    assert response.status_code == 200, response.content
    return response.json()["data"]


def csv_of(client, name: str, **query) -> list[dict]:
    response = client.get(reverse(f"alignment-csv:{name}"), query)
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_releases_give_the_rows_counted_by_hand(votes):
    committee = Decision.objects.filter(meeting__body__slug="fourth-committee").order_by("sequence")
    assert [(d.yes, d.no, d.abstain) for d in committee] == [(154, 1, 9), (152, 5, 6)]
    assert Vote.objects.filter(decision__in=committee).count() == 10 + 11
    council = Decision.objects.get(meeting__body__slug="security-council")
    assert sorted(council.votes.values_list("delegation__code", flat=True)) == [
        "BRA", "IRL", "MEX", "NOR",
    ]  # fmt: skip


# (first, second): (decisions, identical, one abstained, opposed), written by hand.
HAND = {
    ("USA", "ISR"): (2, 1, 1, 0),  # abstain/against, then against/against
    ("USA", "ALB"): (2, 1, 1, 0),  # abstain/abstain, then against/abstain
    ("ALB", "CMR"): (2, 2, 0, 0),  # abstained together twice
    ("ISR", "ALB"): (2, 0, 2, 0),  # against/abstain twice
    ("NIC", "ISR"): (1, 0, 1, 0),  # Nicaragua is named on the second draft only
    ("USA", "FSM"): (2, 2, 0, 0),
    ("BRA", "NOR"): (1, 1, 0, 0),  # the Council: both abstained on resolution 2624 (2022)
    ("USA", "NOR"): (0, 0, 0, 0),  # never on the same decision
}


@pytest.mark.parametrize(("pair", "expected"), HAND.items())
def test_pair_figures_match_the_hand_counts(client, votes, pair, expected):
    data = api(client, "pair", delegation=list(pair))
    (record,) = data["pairs"]
    recorded = record["recorded"]
    assert (
        recorded["decisions"], recorded["identical"], recorded["half"], recorded["opposed"]
    ) == expected  # fmt: skip
    n, identical, half, _ = expected
    assert recorded["distinct_position"] == (round(identical / n, 4) if n else None)
    assert recorded["half_agreement"] == (round((identical + half / 2) / n, 4) if n else None)
    assert record["inferred"]["decisions"] == 0 and record["consensus_joined"] == 0
    assert record["votes"] == recorded


def test_usa_israel_by_both_conventions_on_page_api_and_csv(client, votes):
    query = {"delegation": ["USA", "ISR"]}
    data = api(client, "pair", **query)["pairs"][0]["votes"]
    assert (data["distinct_position"], data["half_agreement"]) == (0.5, 0.75)
    page = client.get(reverse("alignment:pair"), query).content.decode()
    row = page[page.index('data-basis="recorded"') :]
    row = row[: row.index("</tr>")]
    assert "50.0%" in row and "75.0%" in row and ">2<" in row
    rows = csv_of(client, "pair", **query)
    votes_row = next(r for r in rows if r["basis"] == "votes")
    assert votes_row["decisions"] == "2"
    assert float(votes_row["distinct_position"]) == 0.5
    assert float(votes_row["half_agreement"]) == 0.75
    assert next(r for r in rows if r["basis"] == "consensus")["decisions"] == "0"


def test_scope_narrows_the_decisions(client, votes):
    both = api(client, "pair", delegation=["USA", "ISR"], subject="Agency")["pairs"][0]
    # Only the second text names the Agency's operations in its sentence... and so does the first
    # (UNRWA); a year with neither gives none.
    assert both["votes"]["decisions"] == 2
    none = api(client, "pair", delegation=["USA", "ISR"], year_from=2005)["pairs"][0]
    assert none["votes"]["decisions"] == 0
    council = api(client, "pair", delegation=["BRA", "NOR"], body="security-council")
    assert council["pairs"][0]["votes"]["decisions"] == 1


def test_most_and_least_alike(client, votes):
    data = api(client, "alike", delegation="USA")
    most = [(r["second"]["code"], r["value"]) for r in data["most"]]
    assert most[:3] == [("MHL", 1.0), ("FSM", 1.0), ("PLW", 1.0)]  # ties by name
    assert [r["second"]["code"] for r in data["least"]][:1] == ["NIC"]
    assert data["least"][0]["value"] == 0.5 and data["least"][0]["votes"]["decisions"] == 1
    assert all(r["second"]["code"] not in ("NOR", "BRA") for r in data["ranked"])
    strict = api(client, "alike", delegation="USA", min_decisions=2, count="distinct")
    assert "NIC" not in [r["second"]["code"] for r in strict["ranked"]]
    assert [r["value"] for r in strict["ranked"] if r["second"]["code"] == "ISR"] == [0.5]
    page = client.get(reverse("alignment:alike"), {"delegation": "USA"}).content.decode()
    most_table = page[page.index('id="most-alike"') : page.index('id="least-alike"')]
    assert (
        most_table.index("Marshall") < most_table.index("Micronesia") < most_table.index("Albania")
    )
    assert 'data-code="NIC"' in page[page.index('id="least-alike"') :]
    rows = csv_of(client, "alike", delegation="USA")
    assert len([r for r in rows if r["basis"] == "votes"]) == len(data["ranked"])


def test_matrix_of_chosen_delegations_and_of_the_council(client, votes):
    data = api(client, "matrix", delegation=["USA", "ISR", "NIC"], count="distinct")
    cells = {(c["first"]["code"], c["second"]["code"]): c for c in data["cells"]}
    assert len(cells) == 6
    assert cells[("USA", "ISR")]["value"] == cells[("ISR", "USA")]["value"] == 0.5
    assert cells[("NIC", "USA")]["value"] == 0.0
    page = client.get(
        reverse("alignment:matrix"), {"delegation": ["USA", "ISR", "NIC"], "count": "distinct"}
    ).content.decode()
    cell = page[page.index('data-first="USA" data-second="ISR"') :]
    assert "50.0%" in cell[: cell.index("</td>")] and "n=2" in cell[: cell.index("</td>")]
    assert "heat-2" in page  # the 40-60% band, and the figure printed in it
    council = api(client, "matrix", group="council:2022")
    assert [d["code"] for d in council["delegations"]] == ["BRA", "IRL", "MEX", "NOR"]
    assert {c["value"] for c in council["cells"]} == {1.0}
    rows = csv_of(client, "matrix", group="council:2022")
    assert len([r for r in rows if r["basis"] == "recorded"]) == 12


def test_regional_group_matrix(client, votes):
    data = api(client, "matrix", group="region:Oceania")
    cells = {(c["first"]["code"], c["second"]["code"]): c for c in data["cells"]}
    assert cells[("FSM", "MHL")]["recorded"]["decisions"] == 2
    assert cells[("FSM", "PNG")]["recorded"]["half"] == 1
    assert cells[("AUS", "NZL")]["value"] is None  # no shared decision: no figure, not 0


@pytest.mark.parametrize(
    ("url", "query", "message"),
    [
        ("pair", {"delegation": ["USA"]}, "at least 2"),
        ("pair", {"delegation": ["USA", "XXX"]}, "no delegation “XXX”"),
        ("pair", {"delegation": ["USA", "ISR"], "body": "nope"}, "no body “nope”"),
        ("pair", {"delegation": ["USA", "ISR"], "year_from": 2010, "year_to": 2000}, "after"),
        ("matrix", {"group": "planet:Mars"}, "region:NAME or council:YEAR"),
        ("side-by-side", {"delegation": ["USA", "ISR"]}, "theme or a query"),
    ],
)
def test_bad_input_is_a_400_with_the_reason(client, votes, url, query, message):
    page = client.get(reverse(f"alignment:{url}"), query)
    assert page.status_code == 400 and message in page.content.decode()
    name = {"side-by-side": "side-by-side"}.get(url, url)
    problem = client.get(f"/api/v1/alignment/{name}", query)
    assert problem.status_code == 400 and message in problem.json()["detail"]
    assert client.get(reverse(f"alignment-csv:{url}"), query).status_code == 400


def test_the_method_is_on_every_alignment_page(client, votes):
    for name in ("pair", "matrix", "alike"):
        page = client.get(reverse(f"alignment:{name}")).content.decode()
        assert "Lijphart" in page and "distinct position" in page.lower()
        assert "never counted as a vote in favour" in page


def test_consensus_is_counted_apart_and_in_no_share(client, votes):
    from statements.models import Delegation
    from tests.factories import make_meeting

    meeting = make_meeting()
    decision = Decision.objects.create(
        meeting=meeting, sequence=1, paragraph=3, date=meeting.date, subject_symbols=["A/76/L.1"],
        action="adopted", method="without_vote", text="adopted without a vote",
    )  # fmt: skip
    for code in ("USA", "ISR", "NOR"):
        delegation = Delegation.objects.get(code=code)
        Vote.objects.create(
            decision=decision, delegation=delegation, delegation_label=delegation.name,
            vote="in_favour",
        )  # fmt: skip
    record = api(client, "pair", delegation=["USA", "ISR"])["pairs"][0]
    assert record["consensus_joined"] == 1
    assert record["votes"]["decisions"] == 2  # the two Fourth Committee votes, as before
    assert record["votes"]["half_agreement"] == 0.75
    ranked = api(client, "alike", delegation="NOR")
    # Consensus alone gives no share to rank by: only Norway's fellow abstainers in the Council.
    assert sorted(r["second"]["code"] for r in ranked["ranked"]) == ["BRA", "IRL", "MEX"]
    page = client.get(reverse("alignment:pair"), {"delegation": ["USA", "NOR"]}).content.decode()
    row = page[page.index('data-basis="consensus"') :]
    assert ">1<" in row[: row.index("</tr>")]


def test_inferred_votes_are_counted_apart(client, inferred_votes):
    """SC/14811 (resolution 2624): 11 in favour, none against, Brazil, Ireland, Mexico and Norway
    abstaining. The eleven members not named voted in favour: inferred, never called recorded."""
    council = Decision.objects.get(meeting__body__slug="security-council")
    bases = sorted(council.votes.values_list("basis", flat=True))
    assert bases.count("inferred") == 11 and bases.count("recorded") == 4
    both_inferred = api(client, "pair", delegation=["USA", "CHN"])["pairs"][0]
    assert both_inferred["recorded"]["decisions"] == 0
    assert both_inferred["inferred"]["decisions"] == 1
    assert both_inferred["inferred"]["identical"] == 1
    # Norway's abstention is recorded, the United States' vote in favour inferred: one decision,
    # one abstention (half agreement 0.5), counted as inferred; the Fourth Committee votes do not
    # involve Norway.
    mixed = api(client, "pair", delegation=["NOR", "USA"])["pairs"][0]
    assert mixed["recorded"]["decisions"] == 0
    assert (mixed["inferred"]["decisions"], mixed["inferred"]["half"]) == (1, 1)
    assert mixed["inferred"]["half_agreement"] == 0.5
