"""Split a plain-text release into header fields and paragraphs, whatever its era."""

from __future__ import annotations

import re
from dataclasses import replace

from statements.parsing.bodies import is_body_line
from statements.parsing.dates import parse_date_line, split_compact_date
from statements.parsing.meeting_line import parse_meeting_line
from statements.parsing.paragraphs import (
    BODY,
    FURNITURE,
    HEADLINE,
    META,
    SUBHEADLINE,
    Document,
    HeaderFields,
    Paragraph,
    is_furniture,
    symbol_of_line,
    tidy_spaces,
)
from statements.parsing.speakers import named_attribution

_BLANK_LINES = re.compile(r"\n\s*\n")
_DEBRIS = re.compile(r"(?:^|\s)\|[\s|]*$|^[\s|]+")
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .’']{2,30},\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?"
    r"\s*(?:\([^)]{0,40}\))?)\s*(?:--|—|–)\s*"
)
_PROSE_END = re.compile(r"[.!?:”\"’]$")
_LONG_LINE = 160
_HEADER_MAX = 400
_FEW_BLOCKS = 2
_MANY_LINES = 8
_PROSE_WORDS = 12


def read_text(text: str) -> Document:
    """Split a plain-text release into header fields and numbered paragraphs."""
    blocks = [lines for raw in _BLANK_LINES.split(text) if (lines := _block_lines(raw))]
    if len(blocks) <= _FEW_BLOCKS and sum(map(len, blocks)) > _MANY_LINES:
        blocks = [[line] for lines in blocks for line in lines]  # one paragraph per line
    fields = HeaderFields()
    paragraphs: list[Paragraph] = []
    headline_parts: list[str] = []
    in_header = True
    for lines in blocks:
        if in_header:
            updated, leftover = _read_header_block(lines, fields)
            in_header = not _starts_body(leftover)
        if in_header:
            fields = updated
            role = _header_role(leftover, headline_parts)
            paragraphs.append(Paragraph(len(paragraphs) + 1, leftover or " / ".join(lines), role))
            continue
        for text_part in _body_parts(lines):
            paragraphs.append(Paragraph(len(paragraphs) + 1, text_part, _body_role(text_part)))
    fields = replace(fields, headline=" ".join(headline_parts))
    fields, paragraphs = _strip_lead_date(fields, paragraphs)
    return Document("text", fields, tuple(paragraphs))


def _block_lines(raw: str) -> list[str]:
    """Return the tidied, non-empty lines of a block, without "| |||" debris."""
    # tidy_spaces() never touches a line break, so the block is tidied at once and split after; its
    # strip() is each line's. Without a "|", the pattern only strips leading blanks.
    lines = tidy_spaces(raw).split("\n")
    if "|" not in raw:
        return [line for raw_line in lines if (line := raw_line.strip())]
    cleaned = (_without_debris(line.strip()) for line in lines)
    return [line.strip() for line in cleaned if line.strip()]


def _without_debris(line: str) -> str:
    """A line without "| |||" debris (the pattern is skipped when the line holds no "|")."""
    return _DEBRIS.sub("", line) if "|" in line else line


def _starts_body(joined: str) -> bool:
    """Say whether header-free block text is the first paragraph of running text."""
    if split_compact_date(joined)[0] and len(joined) > 8 or _DATELINE.match(joined):
        return True
    if named_attribution(joined) and not joined.endswith(")"):
        return True  # "Briefing Council, NAME (United Kingdom)" alone is a headline: nothing said
    if joined.isupper():
        return False  # a headline in capitals, however long
    words = len(joined.split())
    return words >= _PROSE_WORDS and bool(_PROSE_END.search(joined)) or words >= 60


def _read_header_block(lines: list[str], fields: HeaderFields) -> tuple[HeaderFields, str]:
    """Take symbol, date, meeting and body lines out of a header block; return the rest."""
    leftover: list[str] = []
    for line in lines:
        updated = _header_line(line, fields)
        if updated is None:
            leftover.append(line)
        else:
            fields = updated
    return fields, " ".join(leftover)


def _header_line(line: str, fields: HeaderFields) -> HeaderFields | None:
    """Read one header line into the fields; None when it is headline text."""
    if len(line) > _HEADER_MAX:
        return None  # a whole release on one line: its header is read from the body later
    if is_furniture(line):
        return replace(fields, markers=fields.markers + 1)
    symbol = symbol_of_line(line)
    if symbol:
        return fields if fields.symbol else replace(fields, symbol=symbol)
    date = parse_date_line(line)
    if date:
        source = f"the date line '{line}'"
        return fields if fields.date else replace(fields, date=date, date_source=source)
    if parse_meeting_line(line):
        return replace(fields, meeting_lines=(*fields.meeting_lines, line))
    if is_body_line(line):
        return replace(fields, bodies=(*fields.bodies, line))
    return None


def _header_role(leftover: str, headline_parts: list[str]) -> str:
    """Decide whether header text is the headline, part of it, or a sub-headline."""
    if not leftover:
        return META
    if not headline_parts:
        headline_parts.append(leftover)
        return HEADLINE
    if leftover in headline_parts:
        return META  # 1996-2000 pages repeat the title
    if leftover.isupper() and headline_parts[-1].isupper():
        headline_parts.append(leftover)  # a capitals headline broken by debris lines
        return HEADLINE
    return SUBHEADLINE


def _body_parts(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; in one-line-per-paragraph blocks, break after full sentences."""
    one_per_line = len(lines) > 1 and max(len(line) for line in lines) > _LONG_LINE
    parts = [lines[0]]
    for line in lines[1:]:
        previous = parts[-1]
        if one_per_line and not line[:1].islower() and _ends_line(previous):
            parts.append(line)
        elif previous.endswith("-") and line[:1].islower():
            parts[-1] = previous + line
        else:
            parts[-1] = f"{previous} {line}"
    return parts


_OPEN_END = re.compile(
    r"(?:[,;(\-–—]|\b(?:of|the|and|or|to|in|for|a|an|de|du|des|la|le|les|et|ou|à|au|en|d[’']|l[’']))$",
    re.IGNORECASE,
)


def _ends_line(previous: str) -> bool:
    """In a text with one paragraph per line: whether a line ends its paragraph (a full stop, or a
    headline's last word), not a sentence hard-wrapped after "of" or a comma."""
    return bool(_PROSE_END.search(previous)) or not _OPEN_END.search(previous)


def _body_role(text: str) -> str:
    """Mark furniture among body paragraphs."""
    return FURNITURE if is_furniture(text) else BODY


def _strip_lead_date(
    fields: HeaderFields, paragraphs: list[Paragraph]
) -> tuple[HeaderFields, list[Paragraph]]:
    """Take a glued "19981117" date or a "NEW YORK, 12 March --" dateline off the first body."""
    for index, paragraph in enumerate(paragraphs):
        if paragraph.role != BODY:
            continue
        date, rest = split_compact_date(paragraph.text)
        if date and not fields.date:
            source = f"the date '{paragraph.text[:8]}' at the start of the text"
            fields = replace(fields, date=date, date_source=source)
        dateline = _DATELINE.match(rest)
        if dateline:
            fields = replace(fields, dateline=dateline.group("dateline"))
            rest = rest[dateline.end() :]
        paragraphs[index] = replace(paragraph, text=rest)
        break
    return fields, paragraphs
