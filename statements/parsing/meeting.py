"""Build the meeting record: symbol, date, body, session, meetings, part, headline, language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from statements.parsing.bodies import (
    GENERAL_ASSEMBLY,
    body_from_symbol,
    body_from_text,
    is_assembly_family,
)
from statements.parsing.dates import DateResult, infer_date, session_window
from statements.parsing.meeting_line import MeetingLine, parse_meeting_line
from statements.parsing.model import ParsedMeeting
from statements.parsing.paragraphs import BODY, SYMBOL, Document

_WORDS = re.compile(r"[a-zàâçéèêëîïôûùüÿœ]+")
_FRENCH = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "et",
        "une",
        "est",
        "pour",
        "dans",
        "qui",
        "sur",
        "au",
        "aux",
        "été",
        "ont",
    ]
)
_ENGLISH = frozenset(
    ["the", "of", "and", "to", "in", "that", "is", "for", "was", "on", "said", "with"]
)
_LANGUAGE_SAMPLE = 3000


@dataclass
class MeetingReport:
    """The meeting plus the warnings and errors found while reading it."""

    meeting: ParsedMeeting
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def build_meeting(document: Document) -> MeetingReport:
    """Read the meeting from a document's header fields and body text."""
    fields = document.fields
    body_texts = [p.text for p in document.paragraphs if p.role == BODY]
    line = _merged_meeting_line(fields.meeting_lines)
    warnings: list[str] = []
    body = _body(document, line, body_texts, warnings)
    session = _session(line, warnings)
    dated = _date(document, body, session, body_texts)
    meeting = ParsedMeeting(
        symbol=fields.symbol,
        date=dated.date,
        date_inferred=dated.inferred,
        date_evidence=dated.evidence,
        body=body,
        session=session,
        meetings=line.meetings if line else (),
        part=line.part if line else None,
        headline=fields.headline,
        language=detect_language(" ".join(body_texts)),
    )
    report = MeetingReport(meeting, warnings)
    _check(report, document, line, dated, body_texts)
    return report


def _session(line: MeetingLine | None, warnings: list[str]) -> int | None:
    """Return the regular session number; special sessions are left out with a warning."""
    if line and line.special_session:
        warnings.append(f"Special session '{line.text}': its number is not a regular session.")
        return None
    return line.session if line else None


def _merged_meeting_line(lines: tuple[str, ...]) -> MeetingLine | None:
    """Merge meeting lines split over several lines ("Seventy-sixth Session," / "38th ...")."""
    parsed = [found for text in lines if (found := parse_meeting_line(text))]
    if not parsed:
        return None
    return MeetingLine(
        session=next((p.session for p in parsed if p.session is not None), None),
        special_session=any(p.special_session for p in parsed),
        meetings=next((p.meetings for p in parsed if p.meetings), ()),
        part=next((p.part for p in parsed if p.part), None),
        text=" ".join(p.text for p in parsed),
    )


def _body(
    document: Document, line: MeetingLine | None, texts: list[str], warnings: list[str]
) -> str | None:
    """Pick the body: page field, symbol, meeting line, headline, then the first paragraph."""
    fields = document.fields
    mapped = [b for text in fields.bodies if (b := body_from_text(text))]
    # A page tagged "General Assembly" and "Third Committee" covers the committee.
    from_fields = next((b for b in mapped if b != GENERAL_ASSEMBLY), mapped[0] if mapped else None)
    from_symbol = body_from_symbol(fields.symbol)
    if from_fields and from_symbol and from_fields != from_symbol:
        warnings.append(
            f"The page names the {from_fields} but symbol {fields.symbol} belongs to the "
            f"{from_symbol}; kept {from_fields}."
        )
    candidates = (
        from_fields,
        from_symbol,
        body_from_text(line.text if line else None),
        body_from_text(fields.headline),
        body_from_text(texts[0] if texts else None),
    )
    body = next((c for c in candidates if c), None)
    if body is None and fields.bodies:
        body = fields.bodies[0]  # an unlisted body, kept as printed
    return body


def _date(
    document: Document, body: str | None, session: int | None, texts: list[str]
) -> DateResult:
    """Take the printed date, else infer it from the session span and the text."""
    fields = document.fields
    if fields.date:
        return DateResult(fields.date, False, f"Printed in {fields.date_source}.")
    window = session_window(body, session) if body else None
    label = f"session {session} of the {body}" if window else ""
    if window and is_assembly_family(body):
        label = f"the {body} session {session}"
    return infer_date(texts, window, window_label=label, dateline=fields.dateline)


def _check(
    report: MeetingReport,
    document: Document,
    line: MeetingLine | None,
    dated: DateResult,
    texts: list[str],
) -> None:
    """Record what staff must supply: symbol, date, meeting line, body, headline."""
    meeting = report.meeting
    report.warnings.extend(dated.warnings)
    if meeting.symbol is None:
        report.warnings.append(_missing_symbol(texts))
    if meeting.date is None:
        report.errors.append(
            "No meeting date found and none could be inferred; staff must supply it."
        )
    if line is None:
        report.warnings.append("No meeting line (session, meeting numbers) found.")
    if meeting.body is None:
        report.warnings.append("No UN body found in fields, symbol, meeting line or headline.")
    if not meeting.headline:
        report.warnings.append("No headline found.")


def _missing_symbol(texts: list[str]) -> str:
    """Explain the missing symbol, naming symbols the text mentions as other releases."""
    # every symbol holds a "/": a plain test spares the pattern on most texts
    mentioned = sorted({m.group("symbol") for t in texts if "/" in t for m in SYMBOL.finditer(t)})
    message = "No document symbol found in the release; staff must supply it."
    if len(mentioned) == 1:
        message += f" The text mentions {mentioned[0]}, which is another release."
    elif mentioned:
        message += f" The text mentions {', '.join(mentioned)}, which are other releases."
    return message


def detect_language(text: str) -> str:
    """Return "fr" when French function words outnumber English ones, else "en"."""
    words = _WORDS.findall(text[:_LANGUAGE_SAMPLE].lower())
    french = sum(w in _FRENCH for w in words)
    english = sum(w in _ENGLISH for w in words)
    return "fr" if french > english else "en"
