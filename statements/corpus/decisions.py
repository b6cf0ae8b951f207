"""Synthetic decisions and votes for the synthetic meetings, at realistic rates (no Django).

Rates per meeting, from the real record (the Council adopts some 60 resolutions in ~250 meetings a
year; the Assembly's plenary and Main Committees act on a few hundred texts a session, about a
quarter by recorded vote; ECOSOC and the Human Rights Council vote less):

| body | decisions a meeting | by recorded vote | voters |
| --- | --- | --- | --- |
| Security Council | 0.35 | all (85 % unanimous) | 5 permanent + 10 elected for 2 years |
| General Assembly plenary | 1.2 | 25 % | every member State |
| Main Committees | 0.8 | 20 % | every member State |
| ECOSOC, Human Rights Council | 0.5 | 15 % | 54 / 47 members of the year |
| other bodies | 0.1 | none | — |

A decision not taken by a vote is adopted without one, and every member of the body gets a
``consensus`` row (as issue 22 stores them): the heaviest case for the vote table. Votes of a
recorded vote follow each State's fixed ideal point (a regional lean plus its own), so alignment
has structure: neighbours agree more than strangers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

PERMANENT = ("CHN", "FRA", "GBR", "RUS", "USA")
RATES = {  # body slug or kind: (decisions a meeting, share by recorded vote)
    "security-council": (0.35, 1.0),
    "general-assembly": (1.2, 0.25),
    "main_committee": (0.8, 0.20),
    "economic-and-social-council": (0.5, 0.15),
    "human-rights-council": (0.5, 0.15),
}
OTHER = (0.1, 0.0)
SIZES = {"economic-and-social-council": 54, "human-rights-council": 47, "security-council": 15}
REGION_LEAN = {"Africa": 0.6, "Asia": 0.4, "Americas": 0.2, "Oceania": -0.1, "Europe": -0.7}
DECISION_COLUMNS = (
    "id, meeting_id, sequence, paragraph, date, subject_symbols, subject_title, subject_kind, "
    "action, method, yes, no, abstain, absent, text"
)
VOTE_COLUMNS = "decision_id, delegation_id, delegation_label, vote, basis"


@dataclass(frozen=True)
class State:
    id: int
    code: str
    name: str
    region: str


@dataclass(frozen=True)
class MeetingRow:
    id: int
    date: object
    body_slug: str
    body_kind: str


class DecisionLayout:
    """Decisions and their votes for the given meetings, drawn from seed."""

    def __init__(
        self, states: list[State], meetings: list[MeetingRow], *, seed: int, first_id: int
    ):
        self.rng = random.Random(seed)
        self.states, self.meetings, self.first_id = states, meetings, first_id
        self.ideal = {s.id: REGION_LEAN.get(s.region, 0.0) + self.rng.gauss(0, 0.5) for s in states}
        self.by_code = {s.code: s for s in states}
        self.decisions: list[tuple] = []
        self.votes: list[tuple] = []
        self._terms: dict[int, list[State]] = {}
        self._draw()

    def _rate(self, meeting: MeetingRow) -> tuple[float, float]:
        return RATES.get(meeting.body_slug) or RATES.get(meeting.body_kind) or OTHER

    def _members(self, meeting: MeetingRow) -> list[State]:
        year = meeting.date.year
        if meeting.body_slug == "security-council":
            if year not in self._terms:  # elected members serve two years: half renewed a year
                previous = self._terms.get(year - 1, [])[5:10]
                pool = [s for s in self.states if s.code not in PERMANENT and s not in previous]
                fresh = self.rng.sample(pool, 10 - len(previous))
                self._terms[year] = [self.by_code[c] for c in PERMANENT if c in self.by_code]
                self._terms[year] += fresh[: 10 - len(previous)] + previous
            return self._terms[year]
        size = SIZES.get(meeting.body_slug)
        if size:
            return random.Random(f"{meeting.body_slug}{year}").sample(self.states, size)
        return self.states

    def _draw(self) -> None:
        pk = self.first_id
        for meeting in self.meetings:
            rate, recorded_share = self._rate(meeting)
            count = int(rate) + (self.rng.random() < rate - int(rate))
            for sequence in range(1, count + 1):
                members = self._members(meeting)
                if self.rng.random() < recorded_share:
                    votes = self._recorded(members, meeting.body_slug == "security-council")
                    method = (
                        "recorded" if meeting.body_slug != "security-council" else "non_recorded"
                    )
                else:
                    votes = [(s, "in_favour") for s in members]
                    method = "without_vote"
                tally = {
                    v: sum(1 for _, c in votes if c == v)
                    for v in ("in_favour", "against", "abstaining")
                }
                self.decisions.append(
                    (
                        pk, meeting.id, sequence, sequence, meeting.date,
                        "{SYN/RES/" + str(pk) + "}", "", "resolution", "adopted", method,
                        tally["in_favour"] if method != "without_vote" else None,
                        tally["against"] if method != "without_vote" else None,
                        tally["abstaining"] if method != "without_vote" else None,
                        None, f"Synthetic decision {pk}.",
                    )
                )  # fmt: skip
                basis = "consensus" if method == "without_vote" else "recorded"
                self.votes.extend((pk, s.id, s.name, choice, basis) for s, choice in votes)
                pk += 1

    def _recorded(self, members: list[State], council: bool) -> list[tuple[State, str]]:
        if council and self.rng.random() < 0.85:
            return [(s, "in_favour") for s in members]
        direction = self.rng.choice((-1.0, 1.0))
        cut = self.rng.uniform(-1.8, -0.6)  # most texts pass by a wide margin
        out = []
        for s in members:
            u = direction * self.ideal[s.id] + self.rng.gauss(0, 0.35)
            out.append(
                (s, "in_favour" if u > cut else "abstaining" if u > cut - 0.5 else "against")
            )
        return out

    def decision_rows(self) -> Iterator[tuple]:
        return iter(self.decisions)

    def vote_rows(self) -> Iterator[tuple]:
        return iter(self.votes)
