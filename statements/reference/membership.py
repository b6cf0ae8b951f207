"""Who was a member of the General Assembly, the Security Council and ECOSOC on a given day.

Pure Python over the files in ``statements/reference/membership/`` (sources in its SOURCES.md).
ECOSOC is known only for the years its sources establish seat by seat; other years, and bodies
whose membership is not compiled (commissions, committees), answer None, with the reason.
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "membership"
SECURITY_COUNCIL = "security-council"
ECOSOC = "economic-and-social-council"
# Bodies every Member State sits on: the plenary and its Main Committees.
ALL_MEMBERS_BODIES = frozenset(
    {
        "general-assembly",
        "first-committee",
        "second-committee",
        "third-committee",
        "fourth-committee",
        "fifth-committee",
        "sixth-committee",
    }
)
COUNCIL_SIZE = ((1966, 15), (1946, 11))
# Charter Article 61: 18 members, 27 from 1966 (the 1965 amendment), 54 from 1974 (the 1973 one).
ECOSOC_SIZE = ((1974, 54), (1966, 27), (1946, 18))
# From resolution 47/1 until 1 November 2000 the Yugoslav seat took no part in the Assembly's work.
_YUGOSLAV_GAP = (datetime.date(1992, 9, 22), datetime.date(2000, 11, 1))


@dataclass(frozen=True)
class Member:
    """One seat on a day: its code (today's delegation code where the seat continues) and name."""

    seat: str
    name: str


@dataclass(frozen=True)
class _Period:
    seat: str
    name: str
    start: datetime.date
    end: datetime.date | None
    note: str


@cache
def _assembly() -> tuple[_Period, ...]:
    with (DATA_DIR / "general_assembly.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            _Period(
                row["seat"],
                row["name"],
                datetime.date.fromisoformat(row["from"]),
                datetime.date.fromisoformat(row["until"]) if row["until"] else None,
                row["note"],
            )
            for row in csv.DictReader(handle)
        )


@cache
def _council() -> tuple[tuple[str, str, int, int | None], ...]:
    with (DATA_DIR / "security_council.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            (
                row["seat"],
                row["kind"],
                int(row["first_year"]),
                int(row["last_year"]) if row["last_year"] else None,
            )
            for row in csv.DictReader(handle)
        )


@cache
def _ecosoc() -> tuple[tuple[str, int, int], ...]:
    with (DATA_DIR / "economic_social_council.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            (row["seat"], int(row["first_year"]), int(row["last_year"]))
            for row in csv.DictReader(handle)
        )


def assembly_members(on: datetime.date) -> tuple[Member, ...]:
    """Return the Member States on a day (as the UN's membership table counts them)."""
    return tuple(
        Member(p.seat, p.name)
        for p in _assembly()
        if p.start <= on and (p.end is None or on < p.end)
    )


def council_members(on: datetime.date) -> tuple[Member, ...] | None:
    """Return the Security Council's members on a day, or None outside the compiled years."""
    year = on.year
    seats = [
        seat
        for seat, _kind, first, last in _council()
        if first <= year and (last is None or year <= last)
    ]
    if year < 1946 or len(seats) != council_size(year):
        return None
    names = {m.seat: m.name for m in assembly_members(on)}
    return tuple(Member(seat, names.get(seat, seat)) for seat in seats)


def ecosoc_members(on: datetime.date) -> tuple[Member, ...] | None:
    """Return ECOSOC's members on a day, or None for a year whose every seat is not sourced."""
    year = on.year
    seats = [seat for seat, first, last in _ecosoc() if first <= year <= last]
    if year < 1946 or len(seats) != ecosoc_size(year):
        return None
    names = {m.seat: m.name for m in assembly_members(on)}
    return tuple(Member(seat, names.get(seat, seat)) for seat in seats)


def ecosoc_size(year: int) -> int:
    """Return how many members ECOSOC had in a year (Charter Article 61, as amended)."""
    return next(size for since, size in ECOSOC_SIZE if year >= since)


def ecosoc_years() -> tuple[int, ...]:
    """Return the years whose ECOSOC membership is compiled."""
    years = {year for _seat, first, last in _ecosoc() for year in range(first, last + 1)}
    return tuple(sorted(y for y in years if ecosoc_members(datetime.date(y, 7, 1)) is not None))


def council_size(year: int) -> int:
    """Return how many members the Council had in a year (Charter Article 23)."""
    return next(size for since, size in COUNCIL_SIZE if year >= since)


def permanent_members() -> frozenset[str]:
    """Return the seats of the five permanent members."""
    return frozenset(seat for seat, kind, _, _ in _council() if kind == "permanent")


def members(body: str, on: datetime.date) -> tuple[Member, ...] | None:
    """Return who sat on a body on a day, or None where this is not known (see ``unknown``)."""
    if unknown(body, on):
        return None
    if body == SECURITY_COUNCIL:
        return council_members(on)
    if body == ECOSOC:
        return ecosoc_members(on)
    return assembly_members(on)


def unknown(body: str, on: datetime.date) -> str:
    """Say why a body's membership on a day is not known, or "" when it is."""
    if body == SECURITY_COUNCIL:
        if council_members(on) is None:
            return f"The Security Council's membership in {on.year} is not in the reference data."
        return ""
    if body == ECOSOC:
        if ecosoc_members(on) is None:
            return f"ECOSOC's membership in {on.year} is not in the reference data."
        return ""
    if body not in ALL_MEMBERS_BODIES:
        return (
            "This body's membership is not in the reference data "
            "(only the General Assembly's, the Security Council's "
            "and, for some years, ECOSOC's are)."
        )
    if on < datetime.date(1945, 10, 24):
        return "The United Nations had no members before 24 October 1945."
    if _YUGOSLAV_GAP[0] <= on < _YUGOSLAV_GAP[1]:
        return (
            "From 1992 to 2000 the Yugoslav seat took no part in the Assembly's work "
            "(resolution 47/1): the membership that voted is uncertain."
        )
    return ""


def membership_periods(
    seat: str, body: str
) -> tuple[tuple[datetime.date, datetime.date | None], ...]:
    """Return the (from, until) spans a seat sat on a body (until exclusive; None: open)."""
    if body == SECURITY_COUNCIL:
        return tuple(
            (datetime.date(first, 1, 1), datetime.date(last + 1, 1, 1) if last else None)
            for code, _kind, first, last in _council()
            if code == seat
        )
    if body == ECOSOC:
        return tuple(
            (datetime.date(first, 1, 1), datetime.date(last + 1, 1, 1))
            for code, first, last in _ecosoc()
            if code == seat
        )
    if body in ALL_MEMBERS_BODIES:
        return tuple((p.start, p.end) for p in _assembly() if p.seat == seat)
    return ()
