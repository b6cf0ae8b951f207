"""Count the decisions found in the real releases against the hand-read list.

``python -m tests.decisions.corpus_score`` prints, over the sample release and the 48 excerpts,
how many found decisions are correct, invented (no decision of the list, or the wrong text) or
duplicated (a second report of a listed decision), and how many listed decisions are missed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from statements.parsing import parse_press_release

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "corpus_gold.json"
EXCERPTS = ROOT / "tests" / "parsing" / "excerpts"


@dataclass(frozen=True)
class Count:
    releases: int
    listed: int
    correct: int
    invented: int
    duplicated: int
    missed: int


def _fits(entry: dict, decision) -> bool:
    if entry["match"] not in decision.text:
        return False
    if set(entry.get("wrong", ())) & set(decision.subject_symbols):
        return False
    return entry.get("symbol") is None or entry["symbol"] in decision.subject_symbols


def count() -> Count:
    """Compare every release's decisions with the list (releases not listed expect none)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["releases"]
    paths = {str(p.relative_to(ROOT)) for p in EXCERPTS.glob("*.txt")} | set(gold)
    totals = Counter()
    for path in sorted(paths):
        expected = gold.get(path, [])
        parsed = parse_press_release((ROOT / path).read_bytes(), filename=Path(path).name)
        used = Counter()
        for decision in parsed.decisions:
            hits = [i for i, entry in enumerate(expected) if _fits(entry, decision)]
            fresh = [i for i in hits if not used[i]]
            if not hits:
                totals["invented"] += 1
            elif not fresh:
                totals["duplicated"] += 1
            else:
                totals["correct"] += 1
                used[fresh[0]] += 1
        totals["missed"] += sum(1 for i in range(len(expected)) if not used[i])
        totals["listed"] += len(expected)
    return Count(
        len(paths),
        **{k: totals[k] for k in ("listed", "correct", "invented")},
        duplicated=totals["duplicated"],
        missed=totals["missed"],
    )


if __name__ == "__main__":
    result = count()
    print(
        f"{result.releases} releases, {result.listed} decisions listed by hand: "
        f"{result.correct} correct, {result.invented} invented, {result.duplicated} duplicated, "
        f"{result.missed} missed"
    )
