"""The labelled set (labelled.json) written into the database as meetings and statements."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from meetings.models import Body, Meeting, Release, ReleaseSource
from statements.models import Delegation, Statement

LABELLED_PATH = Path(__file__).resolve().parent / "labelled.json"


def read_labelled(path: Path = LABELLED_PATH) -> dict:
    """The labelled set as data."""
    return json.loads(path.read_text(encoding="utf-8"))


def insert_labelled(data: dict | None = None) -> dict[int, set[str]]:
    """Write every labelled meeting and statement; return the expected themes by statement id."""
    expected = {}
    for n, item in enumerate((data or read_labelled())["meetings"], start=1):
        meeting = _meeting(item, n)
        for sequence, labelled in enumerate(item["statements"], start=1):
            statement = Statement.objects.create(
                meeting=meeting,
                sequence=sequence,
                date=meeting.date,
                delegation_label=labelled["delegation"],
                delegation=Delegation.objects.get_by_name(labelled["delegation"]),
                text=labelled["text"],
            )
            expected[statement.pk] = set(labelled["themes"])
    return expected


def _meeting(item: dict, n: int) -> Meeting:
    """One meeting (and its release) with the labelled headline."""
    release = Release.objects.create(
        symbol=f"LABELLED/{n}",
        date=date(2023, 1, 1),
        headline=item["headline"],
        source_name=f"{item['key']}.txt",
        content_hash=f"labelled-{item['key']}".ljust(64, "0")[:64],
        parser_version="labelled",
    )
    ReleaseSource.objects.create(release=release, data=item["key"].encode())
    return Meeting.objects.create(
        release=release,
        body=Body.objects.get(name=item["body"]),
        date=release.date,
        title=item["headline"],
    )
