"""Precision and recall of theme tagging against a labelled set: per theme and overall."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Counts for one theme (or all): true and false positives, false negatives."""

    theme: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def __add__(self, other: Score) -> Score:
        return Score(self.theme, self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


Labels = Mapping[object, set[str]]


def score(expected: Labels, actual: Labels) -> dict[str, Score]:
    """Per-theme scores, comparing the themes each item should have with those it got."""
    scores: dict[str, Score] = {}
    for key, wanted in expected.items():
        got = actual.get(key, set())
        for theme in wanted | got:
            hit = Score(theme, tp=int(theme in wanted and theme in got))
            hit = Score(theme, hit.tp, fp=int(theme in got - wanted), fn=int(theme in wanted - got))
            scores[theme] = scores.get(theme, Score(theme)) + hit
    return dict(sorted(scores.items()))


def total(scores: Mapping[str, Score], *, exclude: tuple[str, ...] = ()) -> Score:
    """Micro-averaged counts over every theme but the excluded ones."""
    result = Score("all" if not exclude else f"all but {', '.join(exclude)}")
    for theme, item in scores.items():
        if theme not in exclude:
            result = result + Score(result.theme, item.tp, item.fp, item.fn)
    return result


def table(scores: Mapping[str, Score], totals: list[Score]) -> str:
    """A plain-text table: theme, TP, FP, FN, precision, recall."""
    lines = [f"{'theme':42} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"]
    for item in [*scores.values(), *totals]:
        lines.append(
            f"{item.theme:42} {item.tp:4} {item.fp:4} {item.fn:4} "
            f"{_pct(item.precision):>9} {_pct(item.recall):>7}"
        )
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    """0.923 -> '0.92'; None -> '–'."""
    return "–" if value is None else f"{value:.2f}"
