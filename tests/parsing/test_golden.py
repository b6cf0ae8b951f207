"""Every golden input parses to exactly its expected JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.parsing.regenerate import GOLDEN_DIR, expected_path, golden_inputs, render


@pytest.mark.parametrize("source", golden_inputs(), ids=lambda p: p.name)
def test_golden_file(source: Path, request: pytest.FixtureRequest) -> None:
    """The parse of a golden input matches its expected file."""
    target = expected_path(source)
    rendered = render(source)
    if request.config.getoption("--regenerate-golden", default=False):
        target.write_text(rendered, encoding="utf-8")
        pytest.skip(f"rewrote {target.name}")
    assert target.exists(), f"{target.name} is missing: run python -m tests.parsing.regenerate"
    assert json.loads(rendered) == json.loads(target.read_text(encoding="utf-8"))


def test_every_input_has_an_expected_file() -> None:
    """No expected file is orphaned and no input lacks one."""
    inputs = {expected_path(p).name for p in golden_inputs()}
    expected = {p.name for p in GOLDEN_DIR.glob("*.expected.json")}
    assert inputs == expected
    assert len(inputs) >= 10
