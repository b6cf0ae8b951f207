"""The press-release parser: text or HTML in, frozen dataclasses out (no Django, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass

from statements.parsing.assemble import Assembly, assemble, to_statements
from statements.parsing.budget import Deadline
from statements.parsing.checks import refuse_non_release, truncation_error, unresolved_labels
from statements.parsing.crosscheck import crosscheck, dedupe_labels
from statements.parsing.decisions import ParsedDecision, extract_decisions
from statements.parsing.document import read_document
from statements.parsing.elections import ParsedElection, extract_elections
from statements.parsing.errors import NotAPressRelease, ParseError
from statements.parsing.meeting import MeetingReport, build_meeting
from statements.parsing.model import (
    ParsedMeeting,
    ParsedNarrative,
    ParsedRelease,
    ParsedStatement,
)
from statements.parsing.paragraphs import Document
from statements.parsing.suspicion import UNRESOLVED, flag_statements
from statements.parsing.votes import find_tally

PARSER_VERSION = "2026.12.1"

__all__ = [
    "PARSER_VERSION",
    "NotAPressRelease",
    "ParsedDecision",
    "ParsedElection",
    "ParseError",
    "ParsedMeeting",
    "ParsedNarrative",
    "ParsedRelease",
    "ParsedStatement",
    "parse_press_release",
]


def parse_press_release(data: bytes | str, *, filename: str | None = None) -> ParsedRelease:
    """Parse one Meetings Coverage press release (bytes or text, plain or HTML)."""
    deadline = Deadline()
    document = read_document(data, filename=filename)
    deadline.check("the meeting metadata")
    report = build_meeting(document)
    assembly = assemble(document.paragraphs, report.meeting.language)
    deadline.check("the statements")
    statements = flag_statements(to_statements(assembly))
    refuse_non_release(document, report.meeting, statements)
    narrative = tuple(assembly.narrative)
    decisions = extract_decisions(_decision_paragraphs(narrative, statements))
    elections = extract_elections([(item.paragraph, item.text) for item in narrative])
    proceedings = Proceedings(decisions, elections, tuple(assembly.notices))
    return ParsedRelease(
        meeting=report.meeting,
        statements=tuple(statements),
        speakers_list=dedupe_labels(assembly.listed),
        warnings=(
            *_warnings(document, report, assembly, statements),
            *(w for d in decisions for w in d.warnings),
            *_statementless(statements, proceedings),
        ),
        errors=tuple(_errors(document, report, statements, proceedings)),
        source_format=document.source_format,
        parser_version=PARSER_VERSION,
        decisions=decisions,
        narrative=narrative,
        elections=elections,
    )


def _warnings(
    document: Document, report: MeetingReport, assembly: Assembly, statements: list[ParsedStatement]
) -> list[str]:
    """Collect what staff should review: decoding, metadata, names, coverage, speakers lists."""
    warnings = [*document.warnings, *report.warnings, *unresolved_labels(statements)]
    warnings += [f"Partial coverage: {notice}" for notice in assembly.notices]
    warnings += [
        f"Statement {s.sequence} (paragraph {s.paragraph}) {w.partition(': ')[2]}."
        for s in statements
        for w in s.warnings
        if not w.startswith(UNRESOLVED)
    ]
    if assembly.listed:
        summarized = [s.delegation_label for s in statements if s.kind == "summary"]
        spoken = [s.delegation_label for s in statements if _listable(s)]
        warnings += crosscheck(assembly.listed, [x for x in summarized if x], spoken)
    return warnings


@dataclass(frozen=True)
class Proceedings:
    """What a meeting did besides speeches: decisions, elections, a coverage notice."""

    decisions: tuple[ParsedDecision, ...]
    elections: tuple[ParsedElection, ...]
    notices: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.decisions or self.elections or self.notices)


def _statementless(statements: list[ParsedStatement], proceedings: Proceedings) -> list[str]:
    """Say that a release without statements is kept for what the meeting did."""
    if statements or not proceedings:
        return []
    return [
        "No statements: the meeting is archived with its narrative, "
        f"{len(proceedings.decisions)} decision(s) and {len(proceedings.elections)} election(s)."
    ]


def _errors(
    document: Document,
    report: MeetingReport,
    statements: list[ParsedStatement],
    proceedings: Proceedings,
) -> list[str]:
    """Collect why ingestion would refuse the release as it stands."""
    errors = list(report.errors)
    if not statements and not proceedings:
        errors.append("No statements found.")
    truncated = truncation_error(document)
    if truncated:
        errors.append(truncated)
    return errors


def _decision_paragraphs(
    narrative: tuple[ParsedNarrative, ...], statements: list[ParsedStatement]
) -> list[tuple[int, str]]:
    """Return the narrative, plus statements that still print a tally (a vote, not a speech)."""
    found = [(item.paragraph, item.text) for item in narrative]
    found += [(s.paragraph, s.text) for s in statements if find_tally(s.text)]
    return sorted(found, key=lambda pair: pair[0])


def _listable(statement: ParsedStatement) -> bool:
    """Say whether a statement's delegation should appear in the speakers lists."""
    return statement.kind not in ("summary", "briefing") and bool(statement.delegation_label)
