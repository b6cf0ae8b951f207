"""The press-release parser: text or HTML in, frozen dataclasses out (no Django, no I/O)."""

from __future__ import annotations

from statements.parsing.assemble import Assembly, assemble, to_statements
from statements.parsing.checks import refuse_non_release, truncation_error, unresolved_labels
from statements.parsing.crosscheck import crosscheck, dedupe_labels
from statements.parsing.decisions import ParsedDecision, extract_decisions
from statements.parsing.document import read_document
from statements.parsing.errors import NotAPressRelease, ParseError
from statements.parsing.meeting import MeetingReport, build_meeting
from statements.parsing.model import ParsedMeeting, ParsedRelease, ParsedStatement
from statements.parsing.narrative import ParsedNarrative, narrative_paragraphs
from statements.parsing.paragraphs import BODY, Document
from statements.parsing.votes import find_tally

PARSER_VERSION = "2026.12.1"

__all__ = [
    "PARSER_VERSION",
    "NotAPressRelease",
    "ParsedDecision",
    "ParseError",
    "ParsedMeeting",
    "ParsedNarrative",
    "ParsedRelease",
    "ParsedStatement",
    "parse_press_release",
]


def parse_press_release(data: bytes | str, *, filename: str | None = None) -> ParsedRelease:
    """Parse one Meetings Coverage press release (bytes or text, plain or HTML)."""
    document = read_document(data, filename=filename)
    report = build_meeting(document)
    assembly = assemble(document.paragraphs)
    statements = to_statements(assembly)
    refuse_non_release(document, report.meeting, statements)
    narrative = narrative_paragraphs(document.paragraphs, statements)
    decisions = extract_decisions(_decision_paragraphs(document, narrative))
    return ParsedRelease(
        meeting=report.meeting,
        statements=tuple(statements),
        speakers_list=dedupe_labels(assembly.listed),
        warnings=(
            *_warnings(document, report, assembly, statements),
            *(w for d in decisions for w in d.warnings),
        ),
        errors=tuple(_errors(document, report, statements)),
        source_format=document.source_format,
        parser_version=PARSER_VERSION,
        decisions=decisions,
        narrative=narrative,
    )


def _warnings(
    document: Document, report: MeetingReport, assembly: Assembly, statements: list[ParsedStatement]
) -> list[str]:
    """Collect what staff should review: decoding, metadata, names, coverage, speakers lists."""
    warnings = [*document.warnings, *report.warnings, *unresolved_labels(statements)]
    warnings += [f"Partial coverage: {notice}" for notice in assembly.notices]
    if assembly.listed:
        summarized = [s.delegation_label for s in statements if s.kind == "summary"]
        spoken = [s.delegation_label for s in statements if _listable(s)]
        warnings += crosscheck(assembly.listed, [x for x in summarized if x], spoken)
    return warnings


def _errors(
    document: Document, report: MeetingReport, statements: list[ParsedStatement]
) -> list[str]:
    """Collect why ingestion would refuse the release as it stands."""
    errors = list(report.errors)
    if not statements:
        errors.append("No statements found.")
    truncated = truncation_error(document)
    if truncated:
        errors.append(truncated)
    return errors


def _decision_paragraphs(
    document: Document, narrative: tuple[ParsedNarrative, ...]
) -> list[tuple[int, str]]:
    """Return the narrative, plus statement paragraphs that print a tally (a vote, not a speech)."""
    kept = {item.paragraph for item in narrative}
    return [
        (p.number, p.text)
        for p in document.paragraphs
        if p.role == BODY and p.text and (p.number in kept or find_tally(p.text))
    ]


def _listable(statement: ParsedStatement) -> bool:
    """Say whether a statement's delegation should appear in the speakers lists."""
    return statement.kind not in ("summary", "briefing") and bool(statement.delegation_label)
