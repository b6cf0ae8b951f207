"""Frozen dataclasses returned by the press-release parser, each with a JSON-ready to_dict()."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from statements import kinds
from statements.reference import STATE_KINDS, delegation_by_code

if TYPE_CHECKING:
    from statements.parsing.decisions import ParsedDecision
    from statements.parsing.elections import ParsedElection

STATEMENT_KINDS: tuple[str, ...] = tuple(kinds.STATEMENT_KINDS)
NARRATIVE_KINDS: tuple[str, ...] = ("summary", "action", "vote", "procedural", "other")


@dataclass(frozen=True)
class ParsedMeeting:
    """What the release says about the meeting it covers."""

    symbol: str | None
    date: datetime.date | None
    date_inferred: bool
    date_evidence: str
    body: str | None
    session: int | None
    meetings: tuple[int, ...]
    part: str | None
    headline: str
    language: str

    def to_dict(self) -> dict[str, Any]:
        """Return the meeting as a JSON-ready dict."""
        return {
            "symbol": self.symbol,
            "date": self.date.isoformat() if self.date else None,
            "date_inferred": self.date_inferred,
            "date_evidence": self.date_evidence,
            "body": self.body,
            "session": self.session,
            "meetings": list(self.meetings),
            "part": self.part,
            "headline": self.headline,
            "language": self.language,
        }


@dataclass(frozen=True)
class ParsedStatement:
    """One intervention as printed: who spoke, for whom, and what the release says they said."""

    sequence: int
    kind: str
    speaker: str | None
    delegation_label: str | None
    delegation_code: str | None
    title: str | None
    on_behalf_of: str | None
    aligned_with: str | None
    summary_of: int | None
    text: str
    paragraph: int
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the statement as a JSON-ready dict."""
        return {
            "sequence": self.sequence,
            "kind": self.kind,
            "speaker": self.speaker,
            "delegation": delegation_id(self.delegation_code),
            "delegation_label": self.delegation_label,
            "delegation_code": self.delegation_code,
            "title": self.title,
            "on_behalf_of": self.on_behalf_of,
            "aligned_with": self.aligned_with,
            "summary_of": self.summary_of,
            "text": self.text,
            "paragraph": self.paragraph,
            "warnings": list(self.warnings),
        }


def delegation_id(code: str | None) -> str | None:
    """Return how exports name a delegation: ISO alpha-3 for a State, else its reference name."""
    ref = delegation_by_code(code) if code else None
    if ref is None:
        return code
    return ref.code if ref.kind in STATE_KINDS and len(ref.code) == 3 else ref.name


@dataclass(frozen=True)
class ParsedNarrative:
    """A body paragraph (or part of one) that belongs to no statement: the release's own voice."""

    paragraph: int
    text: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """Return the narrative paragraph as a JSON-ready dict."""
        return {"paragraph": self.paragraph, "kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class ParsedRelease:
    """The whole parse: meeting, statements in document order, speakers list and diagnostics."""

    meeting: ParsedMeeting
    statements: tuple[ParsedStatement, ...]
    speakers_list: tuple[str, ...]
    warnings: tuple[str, ...]
    errors: tuple[str, ...]
    source_format: str
    parser_version: str
    decisions: tuple[ParsedDecision, ...] = ()
    narrative: tuple[ParsedNarrative, ...] = ()
    elections: tuple[ParsedElection, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the release as a JSON-ready dict."""
        return {
            "meeting": self.meeting.to_dict(),
            "statements": [s.to_dict() for s in self.statements],
            "speakers_list": list(self.speakers_list),
            "warnings": list(self.warnings),
            "errors": list(self.errors),
            "source_format": self.source_format,
            "parser_version": self.parser_version,
            "narrative": [n.to_dict() for n in self.narrative],
            "decisions": [d.to_dict() for d in self.decisions],
            "elections": [e.to_dict() for e in self.elections],
        }
