"""Read what a decision acted on: document symbols, a resolution number, a title or a kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Document symbols: A/C.3/78/L.12, S/2024/302, A/RES/76/7, E/CN.6/2024/L.3, A/HRC/55/L.1/Rev.1.
_DOCUMENT = re.compile(
    r"(?<![\w/.])(?:A|S|E)(?:/[A-Za-z]+(?:\.\d+)?)*(?:/[A-Za-z]*\.?\d+[A-Za-z]?)+"
    r"(?:/(?:Rev|Add|Corr|Amend)\.\d+)*"
)
_SHORT_DRAFT = re.compile(r"(?<![\w/.])L\.\d+(?:/Rev\.\d+)?")
_RESOLUTIONS = re.compile(
    r"\br[ée]solutions?\s+(?P<list>\d{1,4}\s*\(\d{4}\)(?:(?:,\s*|\s+(?:and|et)\s+)\d{1,4}\s*\(\d{4}\))*)",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)")
_GA_RESOLUTION = re.compile(r"\bresolutions?\s+(?P<number>\d{2}/\d{1,3})\b", re.IGNORECASE)
# Where a sentence turns from the decision to what the text says or recalls.
_CONTENT = re.compile(
    r"\b(?:by\s+which|by\s+its\s+terms|by\s+the\s+terms|whereby|which\s+would|that\s+would|"
    r"recalling|in\s+line\s+with|pursuant\s+to|arising\s+from|as\s+contained\s+in|par\s+la(?:quelle)?|"
    r"par\s+lequel|aux\s+termes)\b",
    re.IGNORECASE,
)
_QUOTED_TITLE = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
_NAMED_TITLE = re.compile(
    r"\b(?:entitled|intitulée?|(?:a|the|one|another|its)\s+(?:[\w]+-[\w-]+\s+|new\s+)?"
    r"(?:draft\s+(?:resolution|decision)\s+|"
    r"draft\s+|text\s+|resolution\s+|decision\s+)(?:on|concerning|relating\s+to))\s+"
    r"(?P<title>[^,;.()“”\"]{3,160})",
    re.IGNORECASE,
)
# "a resolution, recommended by its Fifth Committee (Administrative and Budgetary), on X": who
# put the text forward sits between the text and its title.
_PUT_FORWARD = re.compile(
    r",?\s*(?:recommended|submitted|presented|introduced|proposed|tabled|sponsored|forwarded|"
    r"transmitted|recommandée?|présentée?|soumise?)\s+(?:by|par)\s+(?:the\s+|its\s+|l[ae]\s+|l[’']|"
    r"sa\s+|son\s+)?[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*(?:\s*\([^()]{1,80}\))?,?"
)
_PARAGRAPH = re.compile(r"\b(?:preambular|operative)\s+paragraphs?\s+\d+[a-z]?", re.IGNORECASE)
_KINDS = (
    ("amendment", r"\bamendments?\b|\bamendements?\b"),
    ("paragraph", r"\b(?:preambular|operative)\s+paragraph|\bparagraphe\b"),
    ("draft_decision", r"\bdraft\s+decisions?\b|\bprojet\s+de\s+décision"),
    ("draft_resolution", r"\bdraft(?:\s+resolutions?|\s+texts?|s)?\b|\bprojets?\s+de\s+résolution"),
    ("resolution", r"\br[ée]solutions?\b"),
    ("decision", r"\bdecisions?\b|\bdécisions?\b"),
    ("declaration", r"\bdeclarations?\b|\bdéclarations?\b"),
    ("text", r"\btexts?\b|\btextes?\b"),
    ("report", r"\breports?\b|\brapports?\b"),
    ("agenda", r"\bagenda\b|\bprogramme\s+of\s+work\b|\bordre\s+du\s+jour\b"),
    ("motion", r"\bmotions?\b|\bproposals?\b"),
)


@dataclass(frozen=True)
class Subject:
    """What a decision acted on, as far as its sentence says."""

    symbols: tuple[str, ...]
    title: str | None
    kind: str
    specific: bool


def find_subject(sentence: str, verb_start: int, verb_end: int) -> Subject:
    """Return the subject of the decision whose verb spans [verb_start, verb_end)."""
    after = sentence[verb_end:]
    cut = _CONTENT.search(after)
    after = after[: cut.start()] if cut else after
    before = sentence[:verb_start]
    cut_before = list(_CONTENT.finditer(before))
    before = before[cut_before[-1].end() :] if cut_before else before
    symbols = _symbols(after) or _symbols(before)
    kind = _kind(after) or _kind(before)
    title = _title(after, kind) or _title(before, kind)
    if title is None and kind == "amendment" and not symbols:
        title = "the amendment"
    return Subject(symbols, title, kind or "text", bool(symbols or title or kind))


def _symbols(text: str) -> tuple[str, ...]:
    """Return the document symbols and resolution numbers in a stretch of a sentence."""
    found = [m.group(0).rstrip(".") for m in _DOCUMENT.finditer(text)]
    found += [m.group(0) for m in _SHORT_DRAFT.finditer(text)]
    for match in _RESOLUTIONS.finditer(text):
        found += [
            f"resolution {n['number']} ({n['year']})" for n in _NUMBERED.finditer(match["list"])
        ]
    found += [f"resolution {m['number']}" for m in _GA_RESOLUTION.finditer(text)]
    return tuple(dict.fromkeys(found))


def _kind(text: str) -> str | None:
    """Return the kind of text acted on, by the first noun that names one."""
    for kind, pattern in _KINDS:
        if re.search(pattern, text, re.IGNORECASE):
            return kind
    return None


def _title(text: str, kind: str | None) -> str | None:
    """Return a quoted or named title of the text acted on, or the paragraph voted on."""
    paragraph = _PARAGRAPH.search(text)
    if paragraph and kind == "paragraph":
        return paragraph.group(0)
    quoted = _QUOTED_TITLE.search(text)
    if quoted:
        return quoted.group(1).strip()
    named = _NAMED_TITLE.search(_PUT_FORWARD.sub("", text))
    return named["title"].strip() if named else None
