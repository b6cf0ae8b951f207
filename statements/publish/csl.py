"""CSL-JSON of a statement and of a meeting: what Zotero, Pandoc and citeproc processors read.

The Citation Style Language's data schema (https://citeproc-js.readthedocs.io/en/latest/csl-json/
markup.html, schema csl-data.json of CSL 1.0.2): a list of items, each with a `type`, names as
`family`/`given` or, for an institution, `literal`, dates as `date-parts`.
"""

from __future__ import annotations

from datetime import date

from config import public_urls
from meetings.models import Meeting
from statements.models import Statement
from statements.publish.citations import delegation_name, permalink, speaker_name, title

PUBLISHER = "United Nations"
CONTAINER = "United Nations Meetings Coverage"


def statement_item(statement: Statement, *, accessed: date) -> dict:
    """One statement as a CSL `speech`: its speaker, or its delegation when none is named."""
    meeting = statement.meeting
    return {
        "id": f"un-statement-{statement.pk}",
        "type": "speech",
        "title": title(statement),
        "author": [statement_author(statement)],
        "issued": _date_parts(statement.date),
        "accessed": _date_parts(accessed),
        "event": " ".join(filter(None, [meeting.body.name, meeting.label])),
        "container-title": CONTAINER,
        "publisher": PUBLISHER,
        "genre": "Statement",
        "number": meeting.release.symbol,
        "language": meeting.release.language,
        "URL": permalink(statement),
        "note": _original(meeting),
    }


def statement_author(statement: Statement) -> dict:
    """The named speaker (family, given), else the delegation as an institutional author."""
    if person := speaker_name(statement):
        return person_name(person)
    return {"literal": delegation_name(statement) or PUBLISHER}


def person_name(name: str) -> dict:
    """'Jane Doe' as family Doe, given Jane; a one-word name stays whole (literal)."""
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


def meeting_item(meeting: Meeting, *, accessed: date) -> dict:
    """A meeting as its press release: a `report` of the United Nations, an institution."""
    release = meeting.release
    headline = release.headline or meeting.title or release.symbol
    return {
        "id": f"un-meeting-{meeting.pk}",
        "type": "report",
        "title": headline,
        "author": [{"literal": PUBLISHER}],
        "issued": _date_parts(meeting.date),
        "accessed": _date_parts(accessed),
        "event": " ".join(filter(None, [meeting.body.name, meeting.label])),
        "container-title": CONTAINER,
        "publisher": PUBLISHER,
        "genre": "Meetings Coverage press release",
        "number": release.symbol,
        "language": release.language,
        "URL": public_urls.absolute_url(meeting.get_absolute_url()),
        "note": _original(meeting),
    }


def _original(meeting: Meeting) -> str:
    source = meeting.release.source_url
    return f"Press release {meeting.release.symbol}" + (f"; original: {source}" if source else "")


def _date_parts(day: date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}
