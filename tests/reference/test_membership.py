"""The membership reference data against the totals the UN publishes."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from statements.reference import membership

# Year-end totals of the UN's "Growth in United Nations membership" table.
ASSEMBLY_TOTALS = {
    1945: 51, 1946: 55, 1947: 57, 1948: 58, 1949: 59, 1950: 60, 1954: 60, 1955: 76, 1956: 80,
    1957: 82, 1958: 82, 1959: 82, 1960: 99, 1961: 104, 1962: 110, 1963: 113, 1964: 115,
    1965: 117, 1966: 122, 1967: 123, 1968: 126, 1969: 126, 1970: 127, 1971: 132, 1972: 132,
    1973: 135, 1974: 138, 1975: 144, 1976: 147, 1977: 149, 1978: 151, 1979: 152, 1980: 154,
    1981: 157, 1982: 157, 1983: 158, 1984: 159, 1989: 159, 1990: 159, 1991: 166, 1992: 179,
    1993: 184, 1994: 185, 1998: 185, 1999: 188, 2000: 189, 2002: 191, 2005: 191, 2006: 192,
    2011: 193, 2026: 193,
}  # fmt: skip
DELEGATIONS = Path(membership.__file__).resolve().parent / "delegations.json"


@pytest.mark.parametrize("year,total", sorted(ASSEMBLY_TOTALS.items()))
def test_assembly_total_at_year_end(year: int, total: int) -> None:
    assert len(membership.assembly_members(datetime.date(year, 12, 31))) == total


def test_assembly_today_is_the_193_member_states_of_the_delegation_list() -> None:
    states = {
        d["code"]
        for d in json.loads(DELEGATIONS.read_text(encoding="utf-8"))["delegations"]
        if d["kind"] == "member_state"
    }
    today = {m.seat for m in membership.assembly_members(datetime.date(2026, 1, 1))}
    assert today == states


@pytest.mark.parametrize(
    "day,present,absent",
    [
        (datetime.date(1980, 6, 1), {"DDR", "DEU", "YMD", "YEM", "CSK", "YUG"}, {"CZE", "SVK"}),
        (datetime.date(1991, 1, 1), {"DEU", "YEM"}, {"DDR", "YMD", "KOR", "PRK"}),
        (datetime.date(1959, 6, 1), {"EGY"}, {"SYR"}),
        (datetime.date(1964, 1, 1), {"TZA", "X-ZAN"}, set()),
        (datetime.date(1965, 6, 1), {"SGP"} - {"SGP"}, {"IDN", "X-ZAN", "SGP"}),
        (datetime.date(2004, 1, 1), {"SRB"}, {"YUG", "MNE"}),
    ],
)
def test_historical_states(day: datetime.date, present: set, absent: set) -> None:
    seats = {m.seat for m in membership.assembly_members(day)}
    assert present <= seats
    assert not absent & seats


def test_names_follow_the_seat_holder() -> None:
    names = {m.seat: m.name for m in membership.assembly_members(datetime.date(1985, 1, 1))}
    assert names["RUS"] == "Union of Soviet Socialist Republics"
    assert names["DEU"] == "Federal Republic of Germany"
    assert {m.name for m in membership.assembly_members(datetime.date(2004, 1, 1))} >= {
        "Serbia and Montenegro"
    }


@pytest.mark.parametrize("year", range(1946, 2027))
def test_council_has_its_charter_size_every_year(year: int) -> None:
    members = membership.council_members(datetime.date(year, 6, 1))
    assert members is not None
    assert len(members) == (15 if year >= 1966 else 11)
    assert len({m.seat for m in members}) == len(members)
    assert membership.permanent_members() <= {m.seat for m in members}


def test_council_members_were_members_of_the_organization() -> None:
    for year in range(1946, 2027):
        day = datetime.date(year, 12, 31)
        assembly = {m.seat for m in membership.assembly_members(day)}
        assert {m.seat for m in membership.council_members(day)} <= assembly, year


def test_council_known_years_and_a_real_composition() -> None:
    assert membership.council_members(datetime.date(2027, 3, 1)) is None
    assert membership.unknown("security-council", datetime.date(2027, 3, 1))
    elected_2019 = {m.seat for m in membership.council_members(datetime.date(2019, 5, 1))}
    assert elected_2019 - membership.permanent_members() == {
        "BEL", "DOM", "DEU", "IDN", "ZAF", "CIV", "GNQ", "KWT", "PER", "POL",
    }  # fmt: skip
    names = {m.name for m in membership.council_members(datetime.date(1980, 1, 1))}
    assert "German Democratic Republic" in names


def test_no_membership_for_bodies_not_compiled() -> None:
    assert (
        membership.members("commission-on-the-status-of-women", datetime.date(2008, 3, 1)) is None
    )
    assert "not in the reference data" in membership.unknown(
        "commission-on-the-status-of-women", datetime.date(2008, 3, 1)
    )
    assert membership.members("general-assembly", datetime.date(1995, 1, 1)) is None


ECOSOC = "economic-and-social-council"
ECOSOC_YEARS = (2006, 2007, 2008, 2009, 2020)


def test_ecosoc_compiled_years_are_those_every_seat_is_sourced_for() -> None:
    assert membership.ecosoc_years() == ECOSOC_YEARS


@pytest.mark.parametrize("year", ECOSOC_YEARS)
def test_ecosoc_has_54_members_of_the_organization_in_a_compiled_year(year: int) -> None:
    day = datetime.date(year, 7, 1)
    seats = [m.seat for m in membership.members(ECOSOC, day)]
    assert len(seats) == len(set(seats)) == membership.ecosoc_size(year) == 54
    assert set(seats) <= {m.seat for m in membership.assembly_members(day)}
    assert membership.unknown(ECOSOC, day) == ""


def test_ecosoc_rows_cover_only_compiled_years() -> None:
    rows = membership._ecosoc()
    assert {y for _, first, last in rows for y in range(first, last + 1)} == set(ECOSOC_YEARS)


@pytest.mark.parametrize(
    "day,present,absent",
    [
        # UN News, 19 Oct 2005: Spain and Turkey elected for 2006-2008; Australia continuing.
        (datetime.date(2006, 7, 1), {"ESP", "TUR", "AUS", "DEU"}, {"GRC", "NZL", "PRT", "LIE"}),
        # Decision 61/404: Greece, New Zealand, Portugal in the seats of Turkey, Australia, Spain.
        (datetime.date(2007, 7, 1), {"GRC", "NZL", "PRT", "ROU"}, {"TUR", "AUS", "ESP"}),
        # UN News, 8 Nov 2007: Liechtenstein for 2008 in Germany's seat.
        (datetime.date(2008, 12, 31), {"LIE", "LCA", "MDA"}, {"DEU", "IND", "ZAF"}),
        # ORG/1507 (5 February 2009): Norway in Iceland's seat, Liechtenstein for 2009-2011.
        (datetime.date(2009, 2, 5), {"NOR", "LIE", "VEN", "EST", "ROU"}, {"ISL", "AUS", "FIN"}),
        # GA/12153: Spain completes Turkey's term in 2020.
        (datetime.date(2020, 3, 1), {"ESP", "MNE", "TKM", "KEN"}, {"TUR", "ITA"}),
    ],
)
def test_ecosoc_known_members_on_known_dates(day: datetime.date, present: set, absent: set) -> None:
    seats = {m.seat for m in membership.ecosoc_members(day)}
    assert present <= seats
    assert not absent & seats


@pytest.mark.parametrize("year", [1960, 1970, 2005, 2010, 2019, 2021, 2026])
def test_ecosoc_year_not_compiled_answers_none_and_says_why(year: int) -> None:
    day = datetime.date(year, 7, 1)
    assert membership.ecosoc_members(day) is None
    assert membership.members(ECOSOC, day) is None
    assert membership.unknown(ECOSOC, day) == (
        f"ECOSOC's membership in {year} is not in the reference data."
    )


def test_ecosoc_size_follows_the_charter() -> None:
    assert [membership.ecosoc_size(y) for y in (1946, 1965, 1966, 1973, 1974, 2026)] == [
        18, 18, 27, 27, 54, 54,
    ]  # fmt: skip


def test_ecosoc_spans_of_a_seat() -> None:
    assert membership.membership_periods("ROU", ECOSOC) == (
        (datetime.date(2007, 1, 1), datetime.date(2010, 1, 1)),
    )
    assert membership.membership_periods("CHN", ECOSOC) == (
        (datetime.date(2006, 1, 1), datetime.date(2010, 1, 1)),
        (datetime.date(2020, 1, 1), datetime.date(2021, 1, 1)),
    )


def test_spans_of_a_seat() -> None:
    assert membership.membership_periods("JPN", "security-council")[0] == (
        datetime.date(1958, 1, 1),
        datetime.date(1960, 1, 1),
    )
    assert membership.membership_periods("SYR", "general-assembly")[1][0] == datetime.date(
        1961, 10, 13
    )
