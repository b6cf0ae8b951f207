"""The intermediate form every layout produces: header fields plus numbered paragraphs."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from statements.parsing.substrings import holds_any

# Roles a layout gives a paragraph; only "body" paragraphs can hold statements.
BODY, HEADLINE, META, FURNITURE, SUBHEADLINE = (
    "body",
    "headline",
    "meta",
    "furniture",
    "subheadline",
)

SYMBOL = re.compile(
    r"(?<![\w/])(?P<symbol>(?:GA|SC|ECOSOC|WOM|FEM|PBC|AG|CS|HRC|OBV|PI|SG|DEV|ENV|DC|SAG|HR|IHA|ORG|POP|SOC|"
    r"NGO|L|CCP|CPSD|CD|PH|ECO|AFR)(?:/[A-Z]{1,6})*/\d{2,6}(?:/Rev\.\d+)?(?:\s*[-–]\s*(?:[A-Z]{1,6}/)+\d{2,6})*)"
)
_SYMBOL_LINE = re.compile(r"^(?:Press\s+Release\s*:?\s*)?" + SYMBOL.pattern + r"\s*$")
_FURNITURE = re.compile(
    r"^(?:skip to (?:main )?content|meetings coverage(?: and press releases)?|"
    r"in progress at unhq|for information media[.\s\-–—]*not an official record\.?|"
    r"pour information[\s\-–—]*document non officiel\.?|\*(?:\s*\*)*|"
    r"[àa] l[’']intention des organes d[’']information\b.*|for information media\b.*|"
    r"department of public information\b.*|département de l[’']information\b.*|"
    r"press release|communiqué de presse|home|share(?: this(?: page| story)?)?|print|e-?mail|"
    r"facebook|twitter|x|linkedin|whatsapp|reddit|related(?: news| stories| content)?|"
    r"read more|more stories|back to top|top|subscribe|the wayback machine\b.*|"
    r"(?:via )?reliefweb\b.*|source:.*|posted:?.*|please refer to the attached.*|"
    r"disclaimer\b.*|language:.*|un news centre\b.*|news and media division\b.*)$",
    re.IGNORECASE,
)
# Furniture is a line or two; a longer "paragraph" is a whole text without line breaks.
_FURNITURE_MAX = 400
_ODD_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_RUN_OF_SPACES = re.compile("  +")
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the release, numbered from 1 in document order."""

    number: int
    text: str
    role: str = BODY
    heading: bool = False


@dataclass(frozen=True)
class HeaderFields:
    """Metadata a layout read around the body: symbol, date, meeting line, bodies, headline."""

    symbol: str | None = None
    date: datetime.date | None = None
    date_source: str = ""
    meeting_lines: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    headline: str = ""
    dateline: str | None = None
    markers: int = 0


@dataclass(frozen=True)
class Document:
    """A release reduced to header fields and paragraphs, with the layout's warnings."""

    source_format: str
    fields: HeaderFields
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[str, ...] = ()


def tidy(text: str) -> str:
    """Collapse runs of spaces (including no-break spaces) and drop zero-width characters."""
    return tidy_spaces(text).strip()


def tidy_spaces(text: str) -> str:
    """What tidy() does but the final strip: line breaks are left as they are."""
    if holds_any(text, _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    # Each odd space becomes a plain one, then runs collapse: str.replace and a pattern that
    # starts with a literal scan far faster than one character class over every space.
    for char in _ODD_SPACES if "\t" in text or not text.isascii() else ():
        if char in text:
            text = text.replace(char, " ")
    if "  " in text:
        text = _RUN_OF_SPACES.sub(" ", text)
    return text


def is_furniture(text: str) -> bool:
    """Say whether a whole paragraph or line is page furniture rather than release text."""
    text = text.strip()
    return len(text) <= _FURNITURE_MAX and bool(_FURNITURE.match(text))


def symbol_of_line(text: str) -> str | None:
    """Return the document symbol when the whole line is one ("GA/SHC/4321")."""
    match = _SYMBOL_LINE.match(text.strip())
    return re.sub(r"\s+", "", match.group("symbol")) if match else None
