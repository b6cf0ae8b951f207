"""Texts a summary counts and the release then describes one by one.

"The Special Committee approved, without a vote, three draft resolutions ..." counts texts without
naming them; the sentences that follow describe each: "By the text on “...” (document
A/AC.109/2014/L.3), the General Assembly would ...", "The second draft, on ..., would have the
Assembly ...". Each description is one of the counted decisions, taken as the summary says. A
sentence that goes on about the same text ("By other terms", "would also") is not another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from statements.parsing.subjects import Subject, find_subject
from statements.parsing.votes import number

_COUNT = re.compile(
    r"\b(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:draft\s+)?(?:resolutions|decisions|drafts|texts)\b",
    re.IGNORECASE,
)
_ORDINALS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final"
_DESCRIBED = re.compile(
    rf"^(?:The\s+(?P<ordinal>{_ORDINALS})\s+(?:draft(?:\s+resolution|\s+decision)?|text)|"
    r"By\s+the\s+(?:draft\s+(?:resolution|decision)|draft|text|resolution)\b)",
    re.IGNORECASE,
)
# What the text would do: the sentence describes a text, it reports no action of its own.
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_MORE_OF_THE_SAME = re.compile(r"\bwould\s+also\b|^By\s+(?:other|its)\s+terms", re.IGNORECASE)
_TITLE = re.compile(
    r"^,?\s*(?:(?:titled|entitled)\s+)?(?:on\s+)?(?:“(?P<quoted>[^”]{3,200})”|(?P<plain>[^,(“”]{3,160}?))"
    r"\s*(?:\(|,)",
    re.IGNORECASE,
)


@dataclass
class Counted:
    """A summary's action and method, and how many of its texts are still to be described."""

    action: str
    method: str | None
    remaining: int


def counted(sentence: str) -> int | None:
    """Return how many texts a summary sentence counts ("three draft resolutions"), if it says."""
    match = _COUNT.search(sentence)
    found = number(match["n"]) if match else None
    return found if found and found > 1 else None


def described(sentence: str) -> Subject | None:
    """Return the subject of a sentence that describes one counted text, else None."""
    start = _DESCRIBED.match(sentence.strip())
    if start is None or _MORE_OF_THE_SAME.search(sentence) or not _WOULD.search(sentence):
        return None
    head = sentence[: _WOULD.search(sentence).start()]
    subject = find_subject(head, 0, 0)
    title = _TITLE.match(sentence.strip()[start.end() :])
    name = (title["quoted"] or title["plain"]).strip() if title else None
    if name and re.match(r"(?:approved|adopted|introduced|submitted)\b", name, re.IGNORECASE):
        name = None
    if not name and start["ordinal"]:
        name = f"the {start['ordinal'].casefold()} draft"
    return Subject(subject.symbols, name or subject.title, subject.kind, True)
