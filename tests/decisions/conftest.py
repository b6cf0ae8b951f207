"""A real release with a recorded vote, its lists and an explanation of vote, ingested once."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetings.models import Meeting
from statements.ingest import ingest_source

RELEASE = (
    Path(__file__).resolve().parents[1] / "parsing" / "golden" / "ga_2007_03_08_dpi_banner.txt"
)


def ingest_vote_release():
    """Ingest the sea-level-rise release (GA, 8 March 2007) and return its meeting."""
    result = ingest_source(
        source=RELEASE.read_bytes(), source_name=RELEASE.name, overrides=None, via="test"
    )
    return Meeting.objects.get(release=result.release)


@pytest.fixture
def vote_meeting(db) -> Meeting:
    """The ingested meeting with one recorded-vote decision."""
    return ingest_vote_release()
