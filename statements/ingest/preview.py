"""The parse as JSON-ready data, with delegations resolved against the archive's aliases."""

from __future__ import annotations

from statements.ingest.resolution import Resolver
from statements.parsing import ParsedRelease


def release_as_dict(parsed: ParsedRelease) -> dict:
    """meeting, statements (delegation as ISO alpha-3 or canonical name), warnings, errors."""
    resolver = Resolver()
    meeting = parsed.meeting
    statements = []
    for s in parsed.statements:
        delegation = resolver.delegation(s.delegation_label, s.delegation_code)
        statements.append(
            {
                "sequence": s.sequence,
                "kind": s.kind,
                "speaker": s.speaker,
                "delegation": _delegation_id(delegation) if delegation else s.delegation_code,
                "delegation_label": s.delegation_label,
                "title": s.title,
                "on_behalf_of": s.on_behalf_of,
                "aligned_with": s.aligned_with,
                "summary_of": s.summary_of,
                "text": s.text,
            }
        )
    return {
        "meeting": {
            "symbol": meeting.symbol,
            "date": meeting.date.isoformat() if meeting.date else None,
            "date_inferred": meeting.date_inferred,
            "body": meeting.body,
            "session": meeting.session,
            "meetings": list(meeting.meetings),
            "part": meeting.part,
            "headline": meeting.headline,
        },
        "statements": statements,
        "warnings": list(parsed.warnings),
        "errors": list(parsed.errors),
    }


def _delegation_id(delegation) -> str:
    """ISO 3166 alpha-3 where one exists, otherwise the canonical name."""
    return delegation.iso3 or delegation.name
