"""Votes completed from the tally and the membership: inferred, consensus, or nothing and why."""

from __future__ import annotations

import datetime
import html
from pathlib import Path

import pytest

from meetings.models import Meeting
from statements.decisions.models import Decision, Vote
from statements.ingest import ingest_source
from statements.ingest.vote_inference import complete

RELEASES = Path(__file__).resolve().parent / "releases"


def _complete(**fields):
    base = {
        "body": "security-council",
        "on": datetime.date(2024, 11, 20),
        "action": "adopted",
        "method": None,
        "yes": None,
        "no": None,
        "abstain": None,
        "named": {},
    }
    return complete(**{**base, **fields})


def test_unanimous_council_vote_gives_every_member_in_favour() -> None:
    done = _complete(method="unanimous")
    assert done.basis == "inferred" and len(done.votes) == 15
    assert {vote for _, vote in done.votes} == {"in_favour"}
    assert "DZA" in {m.seat for m, _ in done.votes}  # an elected member of 2024


def test_named_members_leave_one_possibility_for_the_rest() -> None:
    done = _complete(
        action="failed_veto", yes=13, no=1, abstain=1, named={"RUS": "against", "CHN": "abstaining"}
    )
    assert done.basis == "inferred" and len(done.votes) == 13
    assert {vote for _, vote in done.votes} == {"in_favour"}
    assert not {"RUS", "CHN"} & {m.seat for m, _ in done.votes}


def test_unnamed_members_in_two_columns_give_nothing() -> None:
    done = _complete(yes=12, no=2, abstain=1, named={"RUS": "against"})
    assert done.votes == () and "more than one column" in done.reason


def test_a_council_tally_short_of_fifteen_gives_nothing() -> None:
    done = _complete(yes=13, no=0, abstain=1, named={"CHN": "abstaining"})
    assert done.votes == () and "14 of the 15" in done.reason


def test_assembly_tally_without_lists_gives_nothing_and_says_why() -> None:
    done = _complete(
        body="general-assembly", on=datetime.date(2019, 12, 12), yes=120, no=10, abstain=45
    )
    assert done.votes == ()
    assert "175 of the 193" in done.reason and "absent or not voting" in done.reason
    unanimous = _complete(
        body="general-assembly", on=datetime.date(2019, 12, 12), method="unanimous"
    )
    assert unanimous.votes == () and "present" in unanimous.reason


def test_consensus_is_joined_not_voted() -> None:
    done = _complete(body="third-committee", on=datetime.date(2019, 11, 5), method="without_vote")
    assert done.basis == "consensus" and len(done.votes) == 193
    assert {vote for _, vote in done.votes} == {"consensus"}


def test_bodies_without_compiled_membership_give_nothing() -> None:
    done = _complete(body="economic-and-social-council", method="without_vote")
    assert done.votes == () and "ECOSOC's membership in 2024 is not" in done.reason
    done = _complete(body="commission-on-the-status-of-women", method="without_vote")
    assert done.votes == () and "not in the reference data" in done.reason


ECOSOC_NAMED = {"CAN": "against", "USA": "against"} | dict.fromkeys(
    ("AUT", "CZE", "FRA", "GRC", "JPN", "NLD", "SWE"), "abstaining"
)


def test_an_ecosoc_tally_of_all_54_completes_a_compiled_year() -> None:
    done = _complete(
        body="economic-and-social-council", on=datetime.date(2008, 7, 24),
        yes=45, no=2, abstain=7, named=ECOSOC_NAMED,
    )  # fmt: skip
    assert done.basis == "inferred" and len(done.votes) == 45
    assert {vote for _, vote in done.votes} == {"in_favour"}
    assert "LIE" in {m.seat for m, _ in done.votes}  # Germany's seat in 2008


def test_an_ecosoc_tally_short_of_54_gives_nothing() -> None:
    done = _complete(
        body="economic-and-social-council", on=datetime.date(2008, 7, 24),
        yes=31, no=2, abstain=18, named={"CAN": "against", "USA": "against"},
    )  # fmt: skip
    assert done.votes == () and "51 of the 54" in done.reason


def test_a_named_non_member_stops_inference() -> None:
    done = _complete(method="unanimous", named={"DEU": "in_favour"})
    assert done.votes == () and "not a member" in done.reason


def _ingest(name: str) -> Meeting:
    path = RELEASES / name
    result = ingest_source(source=path.read_bytes(), source_name=name, overrides=None, via="test")
    return Meeting.objects.get(release=result.release)


@pytest.mark.django_db
def test_ingest_completes_a_vetoed_council_vote(client) -> None:
    meeting = _ingest("sc_2024_veto_tally.txt")
    decision = Decision.objects.get(meeting=meeting)
    votes = {v.delegation.code: (v.vote, v.basis) for v in decision.votes.all()}
    assert len(votes) == 15
    assert votes["RUS"] == ("against", "recorded")
    assert votes["CHN"] == ("abstaining", "recorded")
    assert votes["USA"] == ("in_favour", "inferred")
    assert votes["SVN"] == ("in_favour", "inferred")
    page = client.get(meeting.get_absolute_url()).content.decode()
    decisions = page[page.index('id="decisions-heading"') :]
    assert "Failed: veto" in decisions and decisions.count("(inferred)") == 13
    assert "follow from the tally and the body’s membership" in decisions


@pytest.mark.django_db
def test_ingest_completes_a_unanimous_council_vote() -> None:
    decision = Decision.objects.get(meeting=_ingest("sc_2016_unanimous.txt"))
    votes = list(decision.votes.all())
    assert len(votes) == 15 and {(v.vote, v.basis) for v in votes} == {("in_favour", "inferred")}
    assert "UKR" in {v.delegation.code for v in votes}  # elected for 2016-2017


@pytest.mark.django_db
def test_ingest_marks_consensus_and_infers_nothing_from_a_bare_assembly_tally(client) -> None:
    meeting = _ingest("ga_2019_consensus.txt")
    consensus, tally = Decision.objects.filter(meeting=meeting).order_by("sequence")
    assert consensus.votes.count() == 193
    assert set(consensus.votes.values_list("vote", "basis")) == {("consensus", "consensus")}
    assert not Vote.objects.filter(decision=tally).exists()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "175 of the 193 members" in page
    assert "joining the consensus, not as voting in favour" in page


@pytest.mark.django_db
def test_a_state_not_on_the_council_explains_no_council_vote() -> None:
    from statements.decisions.models import VoteExplanation

    meeting = _ingest("sc_2024_veto_tally.txt")
    explaining = set(
        VoteExplanation.objects.filter(decision__meeting=meeting).values_list(
            "statement__delegation__code", flat=True
        )
    )
    assert explaining == {"RUS", "CHN", "USA"}  # not Israel, invited to speak


@pytest.mark.django_db
def test_ingest_completes_an_ecosoc_vote_only_where_the_membership_is_compiled(client) -> None:
    meeting = _ingest("ecosoc_2008_recorded_vote.txt")
    votes = {
        v.delegation.code: (v.vote, v.basis)
        for v in Decision.objects.get(meeting=meeting).votes.all()
    }
    assert len(votes) == 54
    assert votes["USA"] == ("against", "recorded")
    assert votes["SWE"] == ("abstaining", "recorded")
    assert votes["LIE"] == ("in_favour", "inferred")
    assert votes["BRA"] == ("in_favour", "inferred")
    later = Decision.objects.get(meeting=_ingest("ecosoc_2012_recorded_vote.txt"))
    assert set(later.votes.values_list("basis", flat=True)) == {"recorded"}
    assert later.votes.count() == 9
    page = client.get(later.meeting.get_absolute_url()).content.decode()
    assert "ECOSOC's membership in 2012 is not in the reference data" in html.unescape(page)


@pytest.mark.django_db
def test_a_country_record_lists_ecosoc_decisions_of_the_years_it_sat() -> None:
    from statements.models import Delegation

    compiled = Decision.objects.get(meeting=_ingest("ecosoc_2008_recorded_vote.txt"))
    Vote.objects.filter(decision=compiled, delegation__code="BRA").delete()  # how unknown
    brazil = Delegation.objects.get(code="BRA")
    rows = {d.pk: d for d in Decision.objects.record_of(brazil)}
    assert compiled.pk in rows and rows[compiled.pk].member_vote is None
    india = Delegation.objects.get(code="IND")  # not on ECOSOC in 2008
    assert compiled.pk not in {d.pk for d in Decision.objects.record_of(india)}
