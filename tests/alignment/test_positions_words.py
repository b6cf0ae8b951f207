"""Positions side by side and words and votes, on the Council release (SC/14811) and on rows
made for the rule; page = API = CSV."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from statements.alignment import stance
from statements.decisions.models import Decision, Vote
from statements.models import Delegation, Statement
from tests.factories import make_meeting, make_statement

pytestmark = pytest.mark.django_db


def test_side_by_side_puts_each_statement_beside_its_vote(client, votes):
    query = {"delegation": ["MEX", "NOR"], "q": "humanitarian"}
    data = client.get("/api/v1/alignment/side-by-side", query).json()["data"]
    assert [y["year"] for y in data["years"]] == [2022]
    columns = {c["code"]: c["statements"] for c in data["years"][0]["columns"]}
    (mexico,) = columns["MEX"]
    (norway,) = columns["NOR"]
    assert "humanitarian aid" in mexico["excerpt"] and "humanitarian reasons" in norway["excerpt"]
    for cell in (mexico, norway):
        assert [(v["subject"], v["vote"], v["basis"]) for v in cell["votes"]] == [
            ("resolution 2624 (2022)", "abstaining", "recorded")
        ]
    # Mexico's statement explains its abstention: the archive links it to the resolution.
    explained = Statement.objects.get(pk=mexico["id"]).vote_explanations.exists()
    assert bool(mexico["explains"]) == explained
    page = client.get(reverse("alignment:side-by-side"), query).content.decode()
    mexico_cell = page[page.index('data-code="MEX"') :]
    mexico_cell = mexico_cell[: mexico_cell.index("</td>")]
    assert "resolution 2624 (2022)" in mexico_cell and "abstained" in mexico_cell
    assert "[recorded]" in mexico_cell
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("alignment-csv:side-by-side"), query).content.decode())
        )
    )
    assert [(r["delegation_code"], r["statement_id"]) for r in rows] == [
        ("MEX", str(mexico["id"])),
        ("NOR", str(norway["id"])),
    ]
    assert rows[0]["votes_at_meeting"] == "resolution 2624 (2022): abstaining (recorded)"


def test_words_and_votes_lists_explanations_and_no_candidate_for_an_explained_abstention(
    client, votes
):
    data = client.get("/api/v1/alignment/words-and-votes", {"delegation": "MEX"}).json()["data"]
    assert data["votes_counted"] == 1
    linked = Statement.objects.filter(delegation__code="MEX", vote_explanations__isnull=False)
    assert [e["statement"]["id"] for e in data["explained"]] == list(
        linked.exclude(kind="summary").values_list("id", flat=True)
    )
    assert all(e["vote"] == "abstaining" for e in data["explained"])
    assert data["candidates"] == []


def test_a_statement_against_the_text_beside_a_vote_in_favour_is_a_candidate(client):
    meeting = make_meeting()
    said = make_statement(
        meeting=meeting,
        delegation="NOR",
        text="Her delegation could not support the draft, which was unbalanced.",
    )
    decision = Decision.objects.create(
        meeting=meeting, sequence=1, paragraph=9, date=meeting.date,
        subject_symbols=["A/76/L.9"], action="adopted", method="recorded", yes=100, no=2,
        abstain=3, text="By a recorded vote of 100 in favour ...",
    )  # fmt: skip
    norway = Delegation.objects.get(code="NOR")
    Vote.objects.create(
        decision=decision, delegation=norway, delegation_label="Norway", vote="in_favour"
    )
    data = client.get("/api/v1/alignment/words-and-votes", {"delegation": "NOR"}).json()["data"]
    (candidate,) = data["candidates"]
    assert candidate["statement"]["id"] == said.pk and candidate["vote"] == "in_favour"
    assert candidate["words"] == "against"
    assert candidate["cues"] == ["could not support", "unbalanced"]
    page = client.get(reverse("alignment:words-and-votes"), {"delegation": "NOR"}).content.decode()
    assert "Not a verdict" in page and "“could not support”" in page
    rows = client.get(reverse("alignment-csv:words-and-votes"), {"delegation": "NOR"})
    (row,) = list(csv.DictReader(io.StringIO(rows.content.decode())))
    assert (row["list"], row["vote"], row["cues"]) == (
        "candidates", "in_favour", "could not support; unbalanced",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("The delegation could not support the draft resolution.", "against"),
        ("It voted in favour of the text and welcomed the adoption.", "for"),
        ("Her country supports the draft, but could not support paragraph 4.", None),
        ("He spoke of humanitarian reasons.", None),
    ],
)
def test_stance_cues(text, direction):
    assert stance.read(text).direction == direction


def test_an_abstention_explained_with_words_against_is_consistent():
    against = stance.read("It could not accept the references and abstained.")
    assert not stance.differs(against, "abstaining", "recorded")
    assert stance.differs(against, "in_favour", "recorded")
    assert stance.differs(against, "in_favour", "consensus")
    support = stance.read("It supported the draft.")
    assert stance.differs(support, "abstaining", "recorded")
    assert not stance.differs(support, "in_favour", "consensus")
