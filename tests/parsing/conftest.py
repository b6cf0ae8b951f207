"""Parser test options: ``--regenerate-golden`` rewrites expected files instead of comparing."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the --regenerate-golden flag."""
    parser.addoption(
        "--regenerate-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/parsing/golden/*.expected.json from the current parser.",
    )
