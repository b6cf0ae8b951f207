"""Agreement figures from counts of paired positions (pure Python, no Django).

Two delegations agree on a decision when both took a position on it (in favour, against,
abstaining; absences left out). Abstention is counted both common ways:

* **distinct position**: abstention is a third position; the share of identical votes.
* **half agreement** (Lijphart's index of agreement, as Voeten's UN voting data uses it): identical
  positions count 1, an abstention beside a yes or a no counts ½, a yes beside a no counts 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

RECORDED, INFERRED, CONSENSUS = "recorded", "inferred", "consensus"
VOTES = "votes"  # recorded and inferred together
ABSTAINING = "abstaining"


def pair_basis(first: str, second: str) -> str:
    """The basis of a pair of votes: consensus if either joined one, inferred if either was."""
    if CONSENSUS in (first, second):
        return CONSENSUS
    if INFERRED in (first, second):
        return INFERRED
    return RECORDED


@dataclass
class Agreement:
    """Counts of a pair's decisions by how their positions met."""

    identical: int = 0
    half: int = 0  # one abstained, the other voted yes or no
    opposed: int = 0  # one yes, one no

    @property
    def decisions(self) -> int:
        return self.identical + self.half + self.opposed

    def add(self, first: str, second: str, n: int = 1) -> None:
        if first == second:
            self.identical += n
        elif ABSTAINING in (first, second):
            self.half += n
        else:
            self.opposed += n

    def __iadd__(self, other: Agreement) -> Agreement:
        self.identical += other.identical
        self.half += other.half
        self.opposed += other.opposed
        return self

    @property
    def distinct(self) -> float | None:
        """Share of identical positions (abstention a position of its own), 0-1."""
        return self.identical / self.decisions if self.decisions else None

    @property
    def lijphart(self) -> float | None:
        """Index of agreement, an abstention beside a yes or a no counted ½, 0-1."""
        if not self.decisions:
            return None
        return (self.identical + 0.5 * self.half) / self.decisions

    def as_dict(self) -> dict:
        return {
            "decisions": self.decisions,
            "identical": self.identical,
            "half": self.half,
            "opposed": self.opposed,
            "distinct_position": _round(self.distinct),
            "half_agreement": _round(self.lijphart),
        }


@dataclass
class PairFigures:
    """One pair's agreement on recorded votes, on inferred ones, both, and consensus joined."""

    recorded: Agreement = field(default_factory=Agreement)
    inferred: Agreement = field(default_factory=Agreement)
    consensus: int = 0  # decisions adopted without a vote whose consensus both joined

    @property
    def votes(self) -> Agreement:
        both = Agreement()
        both += self.recorded
        both += self.inferred
        return both

    def add(self, basis: str, first: str, second: str, n: int) -> None:
        if basis == CONSENSUS:
            self.consensus += n
        elif basis == INFERRED:
            self.inferred.add(first, second, n)
        else:
            self.recorded.add(first, second, n)

    def choose(self, basis: str) -> Agreement:
        return {RECORDED: self.recorded, INFERRED: self.inferred}.get(basis, self.votes)

    def as_dict(self) -> dict:
        return {
            "recorded": self.recorded.as_dict(),
            "inferred": self.inferred.as_dict(),
            "votes": self.votes.as_dict(),
            "consensus_joined": self.consensus,
        }


def tally(rows: Iterable[tuple[str, str, str, int]]) -> PairFigures:
    """Figures from (basis, first's position, second's position, count) rows."""
    figures = PairFigures()
    for basis, first, second, n in rows:
        figures.add(basis, first, second, n)
    return figures


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
