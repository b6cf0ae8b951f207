"""Every decisions golden input extracts to exactly its expected JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from statements.parsing.decisions import extract_decisions
from statements.parsing.votes import split_labels

DECISIONS_DIR = Path(__file__).resolve().parent / "decisions"


def golden_inputs() -> list[Path]:
    """Return every decisions golden input, sorted by name."""
    return sorted(DECISIONS_DIR.glob("*.txt"))


def render(source: Path) -> str:
    """Extract the decisions of a golden input (blank-line paragraphs numbered from 1)."""
    blocks = [b.strip() for b in source.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    decisions = extract_decisions(list(enumerate(blocks, start=1)))
    return json.dumps([d.to_dict() for d in decisions], ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("source", golden_inputs(), ids=lambda p: p.name)
def test_decisions_golden(source: Path, request: pytest.FixtureRequest) -> None:
    """The decisions of a golden input match its expected file."""
    target = source.with_name(f"{source.stem}.expected.json")
    rendered = render(source)
    if request.config.getoption("--regenerate-golden", default=False):
        target.write_text(rendered, encoding="utf-8")
        pytest.skip(f"rewrote {target.name}")
    assert target.exists(), f"{target.name} is missing: run with --regenerate-golden"
    assert json.loads(rendered) == json.loads(target.read_text(encoding="utf-8"))


def test_every_form_has_a_golden_file() -> None:
    """The forms the issue names each have an input and an expected file."""
    names = {p.stem for p in golden_inputs()}
    assert {"sc_unanimous", "sc_veto", "amendment_tie", "french", "ga_recorded_lists"} <= names
    assert {
        "references_to_earlier",
        "several_texts",
        "report_subject",
        "french_words",
        "see_annex",
        "lead_announcement",
        "counted_then_described",
        "listed_one_by_one",
        "headline_lead_and_symbol",
    } <= names
    assert all(p.with_name(f"{p.stem}.expected.json").exists() for p in golden_inputs())


def test_split_labels_keeps_names_that_hold_and() -> None:
    """Compound names are not split on their own "and"."""
    assert split_labels("Bosnia and Herzegovina, Israel and Trinidad and Tobago") == [
        "Bosnia and Herzegovina",
        "Israel",
        "Trinidad and Tobago",
    ]
