"""Read elections a release reports: who was elected to what, by acclamation or by vote.

"The Committee elected by acclamation Jane Doe (Norway) as its Chair", "John Roe (Peru) and Ann
Poe (Kenya) were elected Vice-Chairs", "Brazil was elected with 182 votes", "M. Jean Dupont
(France) a été élu Président par acclamation", "la Croatie a été élue par 184 voix". Pure: text in,
frozen dataclasses out. Decisions on texts are decisions.py's; this module reads only elections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from statements.parsing.delegations import clean_label, label_at, resolve
from statements.parsing.substrings import CASE_ODDITIES, holds_any

_ELECT = re.compile(
    r"\b(?:(?:re-?)?elect(?:ed|s)?|(?:ré)?élu(?:e|s|es)?|(?:ré)?élit|a\s+(?:ré)?élu|ont\s+(?:ré)?élu)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"(?:(?:M\.|Mme|Mlle|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?"
    r"(?P<name>(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*)\s*,?\s*\((?P<label>[^()]{2,80})\)"
)
_STATE = re.compile(r"(?:(?<=\s)|^)(?:the\s+|la\s+|le\s+|les\s+|l[’'])?(?P<start>[A-ZÉ])")
_VOTES = re.compile(
    r"\(?\s*(?:with\s+|by\s+|par\s+|avec\s+|obtaining\s+|receiving\s+)?(?P<n>\d{1,3})\s+"
    r"(?:votes?|voix)\b",
    re.IGNORECASE,
)
_OFFICES = re.compile(
    r"\b(?P<office>(?:First\s+|Second\s+|Third\s+)?Vice[-\s](?:Chair(?:man|woman|person)?s?|"
    r"Presidents?)|Chair(?:man|woman|person)?s?|Presidents?|Rapporteurs?|"
    r"Vice-Présidente?s?|Présidente?s?|Rapporteure?s?|non-permanent\s+members?|"
    r"members?\s+non\s+permanents?|membres?\s+du\s+Bureau|members?\s+of\s+the\s+\w+(?:\s+\w+){0,4})"
)
_ACCLAMATION = re.compile(r"\bacclamation\b", re.IGNORECASE)
_BALLOT = re.compile(
    r"\b(?:\d+\s+(?:votes?|voix)|ballot|scrutin|tour\s+de\s+scrutin|round)\b", re.I
)
_MAX_SENTENCE = 1500
# Sentence ends, but not after an honorific ("M. Jean Dupont").
_SENTENCE_END = re.compile(
    r"(?<!\bM)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bMme)[.!?][”\"’)]*\s+(?=[A-ZÉ“\"«])"
)
_REPLACED = re.compile(
    r"(?:remplac\w*|replac\w*|succeed\w*|succéd\w*)\s+(?:the\s+|le\s+|la\s+|les\s+|l[’']|de\s+la\s+|du\s+|de\s+l[’'])?$"
)


@dataclass(frozen=True)
class ParsedElection:
    """One person or delegation elected to an office, as the release prints it."""

    sequence: int
    paragraph: int
    person: str | None
    delegation_label: str | None
    delegation_code: str | None
    office: str
    method: str  # "acclamation", "vote" or "" when the release does not say
    votes: int | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the election as a JSON-ready dict."""
        return {
            "sequence": self.sequence,
            "paragraph": self.paragraph,
            "person": self.person,
            "delegation_label": self.delegation_label,
            "delegation_code": self.delegation_code,
            "office": self.office,
            "method": self.method,
            "votes": self.votes,
            "text": self.text,
        }


# Every _ELECT match holds one of these once lower-cased, or a letter a case-blind pattern reads
# as "i" (U+0130, U+0131): plain substring tests spare the pattern's scan of most paragraphs.
_ELECT_WORDS = ("elect", "élu", "élit")


def _may_elect(text: str) -> bool:
    """Say cheaply whether _ELECT may match in a text (a necessary condition)."""
    return holds_any(text, CASE_ODDITIES) or holds_any(text.lower(), _ELECT_WORDS)


def extract_elections(paragraphs: list[tuple[int, str]]) -> tuple[ParsedElection, ...]:
    """Every election reported in the given (paragraph number, text) pairs, in order."""
    found: list[ParsedElection] = []
    for number, text in paragraphs:
        if not _may_elect(text) or not _ELECT.search(text):
            continue  # a sentence's match is one of its paragraph's: one scan spares the split
        for sentence in _sentences(text):
            if len(sentence) <= _MAX_SENTENCE and _ELECT.search(sentence):
                found += _elections(number, sentence, len(found))
    return tuple(found)


def _sentences(text: str) -> list[str]:
    """The sentences of a paragraph."""
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=False)]


def _elections(number: int, sentence: str, before: int) -> list[ParsedElection]:
    """The people (or States) a sentence says were elected, each with its office."""
    method = "acclamation" if _ACCLAMATION.search(sentence) else ""
    if not method and _BALLOT.search(sentence):
        method = "vote"
    people = _people(sentence) or _states(sentence)
    elections = []
    for index, (start, end, person, label) in enumerate(people):
        following = people[index + 1][0] if index + 1 < len(people) else len(sentence)
        office = _office(sentence, start, end, following)
        if office is None:
            continue
        votes = _VOTES.match(sentence, end) or _VOTES.search(sentence, end, following)
        ref = resolve(label) if label else None
        elections.append(
            ParsedElection(
                sequence=before + len(elections) + 1,
                paragraph=number,
                person=person,
                delegation_label=label,
                delegation_code=ref.code if ref else None,
                office=office,
                method=method,
                votes=int(votes.group("n")) if votes else None,
                text=sentence,
            )
        )
    return elections


def _people(sentence: str) -> list[tuple[int, int, str | None, str | None]]:
    """People printed with their country in brackets: (start, end, name, country)."""
    found = []
    for match in _PERSON.finditer(sentence):
        label = clean_label(match.group("label"))
        if resolve(label) is None:
            continue
        found.append((match.start(), match.end(), match.group("name").strip(), label))
    return found


def _states(sentence: str) -> list[tuple[int, int, str | None, str | None]]:
    """States elected as such ("Brazil was elected with 182 votes"): only with a vote count."""
    if not _VOTES.search(sentence):
        return []
    found, position = [], 0
    for match in _STATE.finditer(sentence):
        if match.start("start") < position:
            continue
        label = label_at(sentence, match.start("start"))
        if label is None or not label.ref.is_state:
            continue
        if _REPLACED.search(sentence, max(0, match.start() - 40), match.start("start")):
            position = label.end
            continue  # "replacing Peru": the seat's previous holder
        position = label.end
        found.append((match.start("start"), label.end, None, label.label))
    return found


def _office(sentence: str, start: int, end: int, following: int) -> str | None:
    """The office a person was elected to: named after them, else the last one named before."""
    match = _OFFICES.search(sentence, end, following)
    if match is None:
        earlier = list(_OFFICES.finditer(sentence, 0, start))
        match = earlier[-1] if earlier else _OFFICES.search(sentence)
    if match is None:
        return "member" if _VOTES.search(sentence) else None
    return re.sub(r"\s+", " ", match.group("office"))
