"""Theme tagging (the themes work fills this in): tag a meeting's statements after ingest."""

from __future__ import annotations


def tag_meeting(meeting) -> None:
    """Tag the statements of one meeting with themes; a no-op until themes have rules."""
    return None
