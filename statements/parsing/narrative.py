"""The release's own narrative: body paragraphs that are not part of any statement."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from statements.parsing.model import ParsedStatement
from statements.parsing.paragraphs import BODY, Paragraph

_KINDS = (
    ("vote_list", re.compile(r"^(?:In\s+favou?r|Against|Abstain\w*|Absent|Ont\s+voté)\s*:", re.I)),
    ("also_speaking", re.compile(r"^(?:Also\s+speaking|Speaking\s+also|Ont\s+également)", re.I)),
    ("meeting_time", re.compile(r"\b(?:meeting|séance)\s+(?:began|opened|ended|was\s+)", re.I)),
    ("action", re.compile(r"\b(?:adopt|approv|reject|veto|in\s+favou?r|voix\s+pour)\w*", re.I)),
)


@dataclass(frozen=True)
class ParsedNarrative:
    """One paragraph of the release outside every statement, numbered like statements."""

    paragraph: int
    text: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """Return the paragraph as a JSON-ready dict."""
        return {"paragraph": self.paragraph, "text": self.text, "kind": self.kind}


def narrative_paragraphs(
    paragraphs: Sequence[Paragraph], statements: Sequence[ParsedStatement]
) -> tuple[ParsedNarrative, ...]:
    """Return the body paragraphs no statement starts at or holds, in document order."""
    starts = {s.paragraph for s in statements}
    held = {chunk.strip() for s in statements for chunk in s.text.split("\n\n")}
    return tuple(
        ParsedNarrative(p.number, p.text.strip(), "heading" if p.heading else _kind(p.text))
        for p in paragraphs
        if p.role == BODY and p.text.strip() and p.number not in starts
        if p.text.strip() not in held
    )


def _kind(text: str) -> str:
    """Say what a narrative paragraph is: a vote list, a speakers line, a time, an action, prose."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return "prose"
