"""Read vote tallies and per-delegation votes from vote sentences and recorded-vote lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

IN_FAVOUR, AGAINST, ABSTAINING, ABSENT = "in_favour", "against", "abstaining", "absent"
VOTE_CHOICES: tuple[str, ...] = (IN_FAVOUR, AGAINST, ABSTAINING, ABSENT)

_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_WORDS += ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen")
_WORDS += ("eighteen", "nineteen", "twenty")
_NUMBERS: dict[str, int] = {word: value for value, word in enumerate(_WORDS)}
_NUMBERS.update({"none": 0, "no": 0, "nil": 0, "aucune": 0, "aucun": 0, "une": 1, "un": 1})
_FRENCH = ("zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")
_FRENCH += ("onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit")
_FRENCH += ("dix-neuf", "vingt")
_NUMBERS.update({word: value for value, word in enumerate(_FRENCH)})
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
# What a count may start with: one class tested at each word start spares trying every number
# word there (the tally is looked for at every position of a paragraph; half its cost).
_NUM_FIRST = r"(?=[\d" + "".join(sorted({word[0] for word in _NUMBERS})) + "])"
# One level of nested brackets: "(Iran (Islamic Republic of), Syria)".
_BRACKETS = r"\s*\((?P<{0}>(?:[^()]|\([^()]*\))*)\)"
_TALLY = re.compile(
    rf"""\b{_NUM_FIRST}(?P<yes>{_NUM})\s*(?:votes?\s+)?(?:in\s+favou?r|voix\s+pour)(?:{_BRACKETS.format("yes_l")})?
    (?:\s*,?\s*(?:to|and|,)?\s*\b(?P<no>{_NUM})\s*(?:votes?\s+|voix\s+)?(?:against|contre)\b
       (?:{_BRACKETS.format("no_l")})?)?
    (?:\s*,?\s*(?:with|and|et)\s+(?:(?P<abst>{_NUM})\s*abstentions?(?:{_BRACKETS.format("abst_l")})?
       |(?P<abst_names>[A-Z][^,.;()]*?)\s+abstaining))?""",
    re.IGNORECASE | re.VERBOSE,
)
_LIST_LABEL = re.compile(
    r"(?P<label>In\s+favou?r|Against|Abstain(?:ing|ed|ing|tions?)?|Absent|"
    r"Ont\s+voté\s+pour|Ont\s+voté\s+contre|Se\s+sont\s+abstenus|Absents?|Pour|Contre|"
    r"Abstentions?)\s*:\s*",
    re.IGNORECASE,
)
_LABEL_VOTE = (
    (re.compile(r"favou?r|pour", re.IGNORECASE), IN_FAVOUR),
    (re.compile(r"against|contre", re.IGNORECASE), AGAINST),
    (re.compile(r"abst", re.IGNORECASE), ABSTAINING),
    (re.compile(r"absent", re.IGNORECASE), ABSENT),
)
# Names that hold "and"/"et" themselves, so a list is not split inside them.
_JOINED_NAMES = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Trinidad and Tobago",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "São Tomé and Príncipe",
    "Serbia and Montenegro",
    "Turks and Caicos Islands",
    "Wallis and Futuna",
    "Saint Pierre and Miquelon",
    "Great Britain and Northern Ireland",
    "Grande-Bretagne et d’Irlande du Nord",
    "Grande-Bretagne et d'Irlande du Nord",
)
_JOINED = re.compile("|".join(re.escape(name) for name in _JOINED_NAMES), re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+")
_NOBODY = re.compile(r"^(?:none|nil|aucun|aucune|néant)$", re.IGNORECASE)
# A pointer to where the names are printed, not a name: "(See annex)", "(voir annexe)".
_POINTER = re.compile(
    r"^(?:see|voir)\b|^(?:annex|annexe)(?:\s+[IVX\d]+)?$|^(?:list|liste)\s+(?:below|ci-dessous)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedVote:
    """One delegation's vote on one decision, the delegation exactly as printed."""

    delegation_label: str
    vote: str

    def to_dict(self) -> dict[str, Any]:
        """Return the vote as a JSON-ready dict."""
        return {"delegation_label": self.delegation_label, "vote": self.vote}


@dataclass(frozen=True)
class Tally:
    """Counts printed in a vote sentence, with the delegations named in brackets."""

    yes: int | None
    no: int | None
    abstain: int | None
    votes: tuple[ParsedVote, ...]


def number(word: str | None) -> int | None:
    """Turn a printed count ("120", "none", "one") into an int."""
    if word is None:
        return None
    word = word.strip().casefold()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def find_tally(sentence: str) -> Tally | None:
    """Return the tally of a vote sentence ("120 in favour to 10 against, with 45 abstentions")."""
    match = _TALLY.search(sentence) if _may_hold_tally(sentence) else None
    if match is None:
        return None
    votes = [
        *_named(match["yes_l"], IN_FAVOUR),
        *_named(match["no_l"], AGAINST),
        *_named(match["abst_l"] or match["abst_names"], ABSTAINING),
    ]
    abstain = number(match["abst"])
    if abstain is None and match["abst_names"]:
        abstain = len(_named(match["abst_names"], ABSTAINING))
    no = number(match["no"])
    return Tally(number(match["yes"]), no, abstain, tuple(votes))


def tally_spans(text: str) -> list[tuple[int, int]]:
    """Where the tallies of a paragraph stand, brackets of names included: names there voted,
    they did not speak ("with 9 abstentions (Albania, Cameroon, ...)")."""
    if not _may_hold_tally(text):
        return []
    return [match.span() for match in _TALLY.finditer(text)]


def _may_hold_tally(text: str) -> bool:
    """Say cheaply whether a text can hold a tally (substring tests beat any regex here)."""
    return "avo" in text or "AVO" in text or "voix" in text or "VOIX" in text


def _named(text: str | None, vote: str) -> list[ParsedVote]:
    """Turn a bracketed list of delegations into votes."""
    return [ParsedVote(label, vote) for label in split_labels(text or "")]


def split_labels(text: str) -> list[str]:
    """Split "Israel, Marshall Islands and United States" into delegation labels as printed."""
    masked = _JOINED.sub(lambda m: m.group(0).replace(" and ", "\0").replace(" et ", "\1"), text)
    labels = []
    for piece in _SEPARATOR.split(masked.strip().rstrip(".")):
        label = piece.replace("\0", " and ").replace("\1", " et ").strip(" .\u00a0")
        if (
            label
            and re.search(r"[^\W\d_]", label)
            and not _NOBODY.match(label)
            and not _POINTER.match(label)
        ):
            labels.append(label)
    return labels


def list_votes(text: str) -> tuple[ParsedVote, ...] | None:
    """Read a recorded-vote list ("In favour: A, B. Against: C. Abstain: D."), else None."""
    text = text.lstrip(" |\n")
    if not _LIST_LABEL.match(text):
        return None
    labels = list(_LIST_LABEL.finditer(text))
    votes: list[ParsedVote] = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        votes += _named(text[label.end() : end], _label_vote(label["label"]))
    return tuple(votes) if votes else None


def _label_vote(label: str) -> str:
    """Map a list label ("Abstain", "Ont voté contre") to a vote choice."""
    for pattern, vote in _LABEL_VOTE:
        if pattern.search(label):
            return vote
    return ABSENT
