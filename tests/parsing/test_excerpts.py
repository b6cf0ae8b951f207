"""Statement fidelity on real release excerpts (1996-2025, English and French) with gold lists.

The excerpts and their gold files are copied from the project's dev corpus (see their README).
Delegations are matched in order, as the scoring script does; lead summaries count, since the
excerpts stop before the full statements.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path

from statements.parsing import ParsedStatement, parse_press_release
from statements.reference import delegation_by_code, lookup_delegation

EXCERPTS = Path(__file__).resolve().parent / "excerpts"


def _key(value: str | None) -> str | None:
    """Compare delegations by reference code when one is known, else by name."""
    if value is None:
        return None
    ref = delegation_by_code(value) or lookup_delegation(value)
    return ref.code if ref else value.casefold()


def _parsed_key(statement: ParsedStatement) -> str | None:
    """The delegation a statement is credited to."""
    return statement.delegation_code or _key(statement.delegation_label)


@cache
def _scores() -> tuple[int, int, int, tuple[str, ...]]:
    """Gold, parsed and matched statements over every excerpt, and the files that differ."""
    wanted = parsed = matched = 0
    differing = []
    for gold_path in sorted(EXCERPTS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = EXCERPTS / (gold.get("file") or gold_path.name.replace(".gold.json", ".txt"))
        release = parse_press_release(source.read_bytes(), filename=source.name)
        want = [_key(s["delegation"]) for s in gold["statements"]]
        got = [_parsed_key(s) for s in release.statements if s.kind != "briefing"]
        blocks = difflib.SequenceMatcher(a=want, b=got, autojunk=False).get_matching_blocks()
        match = sum(b.size for b in blocks)
        wanted, parsed, matched = wanted + len(want), parsed + len(got), matched + match
        if match != len(want) or match != len(got):
            differing.append(f"{gold_path.name}: want {want} got {got}")
    return wanted, parsed, matched, tuple(differing)


def test_every_excerpt_is_read() -> None:
    """No excerpt is refused: each is a release a person can read."""
    assert len(list(EXCERPTS.glob("*.gold.json"))) == 48
    _scores()  # parse_press_release raises NotAPressRelease on a refusal


def test_precision_and_recall() -> None:
    """Precision >= 0.95 and recall >= 0.90 on the statements' delegations."""
    wanted, parsed, matched, differing = _scores()
    assert matched / parsed >= 0.95, differing
    assert matched / wanted >= 0.90, differing
