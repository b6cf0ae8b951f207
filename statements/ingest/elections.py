"""Write the elections a parse reports for one meeting (inside ingest_release's transaction)."""

from __future__ import annotations

from meetings.models import Meeting
from statements.decisions.models import Election
from statements.ingest.resolution import Resolver
from statements.parsing import ParsedRelease


def write_elections(
    *, parsed: ParsedRelease, meeting: Meeting, resolver: Resolver
) -> dict[str, int]:
    """Replace the meeting's elections (they have no URLs of their own)."""
    Election.objects.filter(meeting=meeting).delete()
    rows = Election.objects.bulk_create(
        Election(
            meeting=meeting,
            sequence=item.sequence,
            paragraph=item.paragraph,
            person=(item.person or "")[:200],
            delegation_label=(item.delegation_label or "")[:200],
            delegation=resolver.delegation(item.delegation_label, item.delegation_code),
            office=item.office[:200],
            method=item.method,
            votes=item.votes,
            text=item.text,
        )
        for item in parsed.elections
    )
    return {"elections": len(rows)}
