"""Two small real releases with votes, ingested through the archive's own ingest path.

* SC/14811 (Security Council, 28 February 2022): resolution 2624 (2022) adopted 11-0-4, the
  abstaining members named: Brazil, Ireland, Mexico, Norway.
* GA/SPD/307 (Fourth Committee, 24 November 2004, wording from press.un.org): two drafts approved,
  154-1-9 (against: Israel; abstaining: Albania, Cameroon, Haiti, Honduras, Federated States of
  Micronesia, Marshall Islands, Palau, Papua New Guinea, United States) and 152-5-6 (against:
  Israel, Marshall Islands, Federated States of Micronesia, Palau, United States; abstaining:
  Albania, Cameroon, Haiti, Honduras, Nicaragua, Papua New Guinea).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from statements.decisions.models import Vote
from statements.ingest import ingest_source
from statements.ingest.decisions import write_decisions
from statements.ingest.resolution import Resolver
from statements.parsing import parse_press_release
from tests.factories import make_meeting, make_release

RELEASES = Path(__file__).resolve().parent / "releases"
COUNCIL = RELEASES / "sc_14811_2022_02_28.txt"
COMMITTEE = RELEASES / "gaspd_307_2004_11_24.txt"


def ingest(path: Path):
    return ingest_source(
        source=path.read_bytes(), source_name=path.name, overrides=None, via="test"
    )


def ingest_committee():
    """The release's first page holds its decisions but none of its statements, which the ingest
    requires: its decisions and votes go through the parser and the ingest's own writer into a
    meeting made for them."""
    parsed = parse_press_release(COMMITTEE.read_bytes(), filename=COMMITTEE.name)
    release = make_release(symbol="GA/SPD/307", day=date(2004, 11, 24))
    meeting = make_meeting(
        body="Fourth Committee", day=date(2004, 11, 24), release=release, session=59, numbers=[25]
    )
    write_decisions(parsed=parsed, meeting=meeting, resolver=Resolver())
    return meeting


def ingest_both() -> None:
    ingest(COUNCIL)
    ingest_committee()


@pytest.fixture
def votes(db) -> None:
    """The votes the releases name (the figures below were counted by hand from them); the
    votes the archive infers from the tally and the membership are tested apart."""
    ingest_both()
    Vote.objects.exclude(basis=Vote.Basis.RECORDED).delete()


@pytest.fixture
def inferred_votes(db) -> None:
    """Every vote as ingested: the Council's eleven members not named are inferred in favour."""
    ingest_both()
