"""The project's real sample release, for tests that need a whole release."""

from __future__ import annotations

from datetime import date
from pathlib import Path

SEED_PATH = (
    Path(__file__).resolve().parents[1]
    / "statements"
    / "sample_data"
    / "ga-12388-trafficking-in-persons.txt"
)
SEED_SYMBOL = "GA/12388"
SEED_DATE = date(2021, 11, 23)
SEED_OVERRIDES = {"symbol": SEED_SYMBOL, "confirm_date": True}


def seed_bytes() -> bytes:
    """The seed release exactly as shipped."""
    return SEED_PATH.read_bytes()
