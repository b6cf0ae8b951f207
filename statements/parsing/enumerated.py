"""Decisions one sentence lists: texts acted on "respectively", mandates renewed one by one.

"Other draft resolutions approved ... concerned observer status for A, and B, respectively" is two
decisions; "le Conseil a décidé de renouveler le mandat de X, et de prolonger les mandats de Y et
de Z" (or "decided to extend the mandates of X and the Independent Expert on Y") is one decision
per mandate. Each item comes back as the words that report it and its title; the caller reads the
action, method and tally as it does for any sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_RESPECTIVELY = re.compile(
    r"\b(?:concerned|concerns?|dealt\s+with|deals?\s+with|related\s+to|relates?\s+to|addressed|"
    r"covered|concernaient|concernent|portaient\s+sur|portent\s+sur)\s+(?P<list>[^.;()]+?),?\s+"
    r"(?:respectively|respectivement)\b",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|et\s+)?|;\s*")
_ARTICLES = frozenset(("the", "a", "an", "le", "la", "les", "l’", "l'"))

# "décidé de renouveler", "decided to extend": the decision is the mandate's renewal.
_MANDATE_DECISION = re.compile(
    r"\b(?:(?:a|ont)\s+(?:[\w’']+\s+){0,2}décidé\s+de\s+|decided\s+to\s+)"
    r"(?=(?:renouveler|prolonger|proroger|renew|extend|prolong)\b)",
    re.IGNORECASE,
)
# ", et de prolonger ...", ", and to extend ...": another decision in the same sentence.
_NEXT_INFINITIVE = re.compile(
    r",?\s+(?:et\s+de|and\s+to)\s+(?=(?:renouveler|prolonger|proroger|renew|extend|prolong)\b)",
    re.IGNORECASE,
)
_MANDATE = re.compile(
    r"\b(?:mandats?|mandates?)\s+(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’']|of\s+(?:the\s+)?)"
)
# Who holds a mandate: the next item of a list of them starts with one of these titles.
_HOLDER = (
    r"(?:Special\s+Rapporteur|Rapporteur|Rapporteuse|Independent\s+Expert|Experte?|"
    r"Working\s+Group|Groupe\s+de\s+travail|Special\s+Representative|Représentante?|Commission|"
    r"Special\s+Envoy|Envoyée?)"
)
_NEXT_HOLDER = re.compile(
    r",?\s+(?:et|and)\s+(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’']|of\s+the\s+|the\s+)?"
    rf"(?={_HOLDER}\b)"
)


@dataclass(frozen=True)
class Item:
    """One decision of a sentence that lists several: its words and what it acted on."""

    text: str
    title: str
    kind: str
    decided: int = -1  # where "decided to" / "a décidé de" starts in the text, if it says so


def enumerated(sentence: str) -> list[Item]:
    """Return the decisions a sentence lists one by one, or [] when it lists none (plain
    substring tests spare the patterns on most sentences)."""
    lower = sentence.lower()
    mandates = _mandates(sentence) if "mandat" in lower else []
    return mandates or (_respective(sentence) if "respectiv" in lower else [])


def _respective(sentence: str) -> list[Item]:
    """The texts "A, and B, respectively" of a sentence about several texts acted on."""
    match = _RESPECTIVELY.search(sentence)
    if match is None:
        return []
    items = [part.strip() for part in _LIST_SEPARATOR.split(match["list"]) if part.strip()]
    if len(items) < 2:
        return []
    titles = [items[0], *(_with_head(items[0], item) for item in items[1:])]
    return [Item(sentence, title, "") for title in titles]


def _with_head(first: str, item: str) -> str:
    """Give a later list item the words it shares with the first: "observer status for" + B."""
    word = item.split()[0]
    if word.casefold() not in _ARTICLES:
        return item
    cut = first.rfind(f" {word.casefold()} ")
    return f"{first[: cut + 1]}{item}" if cut > 0 else item


def _mandates(sentence: str) -> list[Item]:
    """The mandates a sentence renews or extends, one item per mandate holder."""
    decided = _MANDATE_DECISION.search(sentence)
    if decided is None:
        return []
    head, rest = sentence[: decided.end()], sentence[decided.end() :]
    found = []
    for part in _NEXT_INFINITIVE.split(rest):
        mandate = _MANDATE.search(part)
        if mandate is None:
            return []  # something else decided in the same sentence: read as a whole
        text = f"{head}{part}".rstrip(" .")
        holders = _NEXT_HOLDER.split(part[mandate.end() :])
        found += [Item(text, h.strip(" .,"), "mandate", decided.start()) for h in holders]
    return found
