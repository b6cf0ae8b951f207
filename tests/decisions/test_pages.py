"""Where researchers see decisions: meeting page, country voting record, decisions list, export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from statements.decisions.models import Decision, Vote
from statements.models import Delegation, Statement
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_country_page_lists_the_vote_with_its_explanation(client, vote_meeting):
    iran = Delegation.objects.get(code="IRN")
    explanation = Statement.objects.get(meeting=vote_meeting, delegation=iran, kind="statement")
    page = client.get(iran.get_absolute_url()).content.decode()
    record = page[page.index('id="voting-record"') :]
    start = record.index("A/61/L.52")
    row = record[start : record.index("</tr>", start)]
    assert "Abstaining" in row
    assert reverse("statements:statement-detail", args=[explanation.pk]) in row
    # Norway sat in the Assembly that day but the (shortened) lists do not name it: the decision
    # is on its record, its vote not known, and nothing is inferred from a tally that leaves
    # members absent.
    norway = client.get(Delegation.objects.get(code="NOR").get_absolute_url()).content.decode()
    record = norway[norway.index('id="voting-record"') :]
    start = record.index("A/61/L.52")
    assert "Not known" in record[start : record.index("</tr>", start)]
    assert not Vote.objects.filter(basis="inferred").exists()
    eu = Delegation.objects.get(code="EU")
    assert "No decisions in the archive" in client.get(eu.get_absolute_url()).content.decode()


def test_voting_record_filters_by_body_and_year(client, vote_meeting):
    iran = Delegation.objects.get(code="IRN")
    url = iran.get_absolute_url()
    assert "A/61/L.52" in client.get(url, {"vote_year": "2007"}).content.decode()
    other_year = client.get(url, {"vote_year": "2008"}).content.decode()
    assert "No decisions for this choice" in other_year
    assert (
        "No decisions for this choice"
        in client.get(url, {"vote_body": "security-council"}).content.decode()
    )
    garbage = client.get(url, {"vote_year": "20x7", "vote_body": ""}).content.decode()
    assert "A/61/L.52" in garbage  # a malformed year narrows nothing


def test_voting_record_queries_are_queryset_methods(vote_meeting):
    from statements.decisions.models import Decision

    decisions = Decision.objects.all()
    assert decisions.narrowed_to(year="2007").count() == decisions.in_year(2007).count() > 0
    assert not decisions.narrowed_to(year="2008").exists()
    assert decisions.narrowed_to(body="", year="").count() == decisions.count()
    one = decisions.filter(pk=decisions.in_year(2007).first().pk)
    assert Vote.objects.on_decisions(one).count() == Vote.objects.filter(decision__in=one).count()
    assert not Vote.objects.on_decisions(Decision.objects.none()).exists()


def test_meeting_page_shows_the_narrative_in_order_with_decisions(client, vote_meeting):
    page = client.get(vote_meeting.get_absolute_url()).content.decode()
    body = page[page.index("The release, paragraph by paragraph") :]
    order = [
        "By a recorded vote of 158 in favour",
        "Speaking in explanation of vote",
        "The recorded vote on the resolution was as follows:",
        "Abstain: Belarus, Iran, Syria, Venezuela.",
        "Also speaking were the representatives of Tonga",
        "The Assembly will reconvene",
    ]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    decisions = page[page.index('id="decisions-heading"') : page.index("The release, paragraph")]
    assert 'href="https://docs.un.org/A/61/L.52"' in decisions
    assert "Recorded vote" in decisions or "recorded vote" in decisions
    assert "158 in favour, 0 against, 4 abstaining, 3 absent" in decisions


def test_official_record_link_follows_from_body_and_number(client):
    meeting = make_meeting()
    meeting.numbers = [38]
    meeting.session = 76
    meeting.save()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "https://docs.un.org/A/76/PV.38" in page


def test_votes_export_has_one_row_per_delegation_and_decision(client, vote_meeting):
    url = reverse("statements:decision-export", args=["votes", "csv"])
    response = client.get(url, {"body": vote_meeting.body.slug, "divided": "true"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == Vote.objects.count() == 22
    assert len({(r["decision_id"], r["delegation_label"]) for r in rows}) == len(rows)
    iran = next(r for r in rows if r["delegation_code"] == "IRN")
    assert iran["vote"] == "abstaining" and iran["explanation_id"]
    none = client.get(url, {"body": "security-council"})
    assert list(csv.reader(io.StringIO(b"".join(none.streaming_content).decode()))) == [
        list(rows[0].keys())
    ]


def test_decisions_export_as_json_lines(client, vote_meeting):
    url = reverse("statements:decision-export", args=["decisions", "jsonl"])
    lines = b"".join(client.get(url).streaming_content).decode().splitlines()
    record = json.loads(lines[0])
    assert record["subject_symbols"] == ["A/61/L.52"] and record["abstain"] == 4
    assert record["id"] == Decision.objects.get().pk


def test_decision_list_facets_and_divided_filter(client, vote_meeting):
    url = reverse("statements:decision-list")
    page = client.get(url).content.decode()
    assert "A/61/L.52" in page and "General Assembly (1)" in page
    assert "A/61/L.52" in client.get(url, {"divided": "true", "year": "2007"}).content.decode()
    assert "No decisions match" in client.get(url, {"action": "failed_veto"}).content.decode()
    assert client.get(url, {"year": "nonsense", "action": "x"}).status_code == 200


def test_meeting_and_country_pages_query_a_fixed_number_of_times(
    client, vote_meeting, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        assert client.get(vote_meeting.get_absolute_url()).status_code == 200
    iran = Delegation.objects.get(code="IRN")
    with django_assert_max_num_queries(25):
        assert client.get(iran.get_absolute_url()).status_code == 200
