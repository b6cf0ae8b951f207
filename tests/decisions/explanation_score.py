"""Score the explanation-of-vote links against the hand-read gold list.

As ingest stores them: the linker's links, less those of States not on the Security Council that
day.

Run ``python -m tests.decisions.explanation_score`` from the project root for the figures.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from statements.parsing import parse_press_release
from statements.parsing.vote_links import vote_links
from statements.reference import membership

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "explanation_gold.json"
READINGS = ("2026-12 devset reading", "2026-12 pages reading")
DELEGATIONS = ROOT / "statements" / "reference" / "delegations.json"


def _codes() -> dict[str, str]:
    """Delegation codes by name and variant (the alias table's core, without the database)."""
    entries = json.loads(DELEGATIONS.read_text(encoding="utf-8"))["delegations"]
    return {
        name.casefold(): entry["code"]
        for entry in entries
        for name in (entry["name"], *entry.get("variants", ()))
    }


def _not_on_the_council(parsed, statements: dict) -> set[int]:
    """Statements of States that did not sit on the Council that day (ingest links none)."""
    if parsed.meeting.body != "Security Council" or parsed.meeting.date is None:
        return set()
    members = membership.council_members(parsed.meeting.date) or ()
    seats, codes = {m.seat for m in members}, _codes()
    return {
        sequence
        for sequence, statement in statements.items()
        if codes.get((statement.delegation_label or "").casefold(), "") not in seats
        and (statement.delegation_label or "").casefold() in codes
    }


@dataclass(frozen=True)
class Score:
    releases: int
    gold: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def _label_and_text(start: str) -> tuple[str | None, str]:
    """Split "[Label] words" (for statements that share one text) into label and words."""
    if start.startswith("[") and "] " in start:
        label, text = start[1:].split("] ", 1)
        return label, text
    return None, start


def _pairs(entry: dict) -> tuple[set, set, set]:
    """Return (gold pairs, found pairs, statements left out) of one release."""
    path = ROOT / entry["path"]
    parsed = parse_press_release(path.read_bytes(), filename=path.name)
    statements = {s.sequence: s for s in parsed.statements}
    subjects = {d.sequence: d.subject for d in parsed.decisions}

    def sequence_of(start: str) -> int:
        label, text = _label_and_text(start)
        matches = [
            s.sequence
            for s in parsed.statements
            if text in s.text and label in (None, s.delegation_label)
        ]
        assert len(matches) == 1, f"{entry['path']}: {start!r} matches {len(matches)} statements"
        return matches[0]

    gold = {(sequence_of(start), subject) for start, names in entry["links"] for subject in names}
    for start in entry.get("not_linked", []):
        sequence_of(start)
    skipped = {sequence_of(start) for start in entry.get("ambiguous", [])}
    skipped |= _not_on_the_council(parsed, statements)
    found = {
        (statement, subjects[decision])
        for statement, decision in vote_links(
            list(statements.values()),
            parsed.decisions,
            body=parsed.meeting.body,
            narrative=parsed.narrative,
        )
        if statement not in skipped
    }
    return gold, found, skipped


def score(origin: str | None = None, batch: str | None = None) -> Score:
    """Precision and recall over the gold releases (of one origin or reading batch, or all)."""
    entries = list(json.loads(GOLD.read_text(encoding="utf-8"))["releases"])
    entries = [e for e in entries if origin in (None, e["origin"])]
    entries = [e for e in entries if batch in (None, e.get("batch"))]
    gold_total = found_total = correct = 0
    for entry in entries:
        gold, found, _ = _pairs(entry)
        gold_total, found_total = gold_total + len(gold), found_total + len(found)
        correct += len(gold & found)
    return Score(len(entries), gold_total, found_total, correct)


def _line(name: str, result: Score) -> str:
    return (
        f"{name}: {result.releases} releases, {result.gold} gold links, "
        f"{result.found} found, {result.correct} correct: precision {result.precision:.2f}, "
        f"recall {result.recall:.2f}"
    )


def misses() -> list[str]:
    """Describe each gold link not found and each link found that is not gold, by release."""
    lines = []
    for entry in json.loads(GOLD.read_text(encoding="utf-8"))["releases"]:
        gold, found, _ = _pairs(entry)
        path = ROOT / entry["path"]
        texts = {
            s.sequence: s
            for s in parse_press_release(path.read_bytes(), filename=path.name).statements
        }
        for kind, pairs in (("missed", gold - found), ("wrong", found - gold)):
            for sequence, subject in sorted(pairs, key=str):
                statement = texts[sequence]
                lines.append(
                    f"{kind} {entry['path']} #{sequence} ({statement.delegation_label}) -> "
                    f"{subject}: {statement.text[:160]}"
                )
    return lines


if __name__ == "__main__":
    if "--misses" in sys.argv:
        print("\n".join(misses()) or "no misses")
        raise SystemExit(0)
    for name in ("real", "composed", None):
        print(_line(name or "all", score(name)))
    for batch in READINGS:
        print(_line(batch, score(batch=batch)))
