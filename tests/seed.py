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


COUNCIL_TEXT = """Security Council
{number}th Meeting (PM)

Security Council Hears Briefing on Sanctions | Meetings Coverage and Press Releases

The Security Council today heard a briefing on sanctions.

The representative of France said the sanctions regime must be respected.  He called for unity.

The representative of China said his delegation supported the Committee.  Dialogue is key, he said.
{extra}"""


def council_bytes(*, number: int = 8019, extra: str = "") -> bytes:
    """A short Security Council text copy that prints no symbol and no date."""
    return COUNCIL_TEXT.format(number=number, extra=extra).encode("utf-8")


def ingest_seed(source: bytes | None = None, name: str = "seed.txt"):
    """Ingest the seed release (or an edited copy of it) as the command would; its meeting."""
    from meetings.models import Meeting
    from statements.ingest import ingest_source

    result = ingest_source(
        source=seed_bytes() if source is None else source,
        source_name=name,
        overrides=dict(SEED_OVERRIDES),
        via="test",
    )
    return Meeting.objects.get(release=result.release)
