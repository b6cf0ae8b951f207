"""The languages releases come in, and how each is searched: PostgreSQL's and tantivy's names.

One table for every place that stems words: the search index (a text field per language, chosen
by the release's language), result snippets, theme rules and the admin's rule preview.

The PostgreSQL search vector (``Statement.search_vector``) stays English for every statement. It
is a generated column, which can read only its own row, and the language is the release's, two
joins away; and what still matches against it is English by design: the theme rules are written
in English, and a tsquery only matches a vector built with the same configuration. Researchers'
searches go to the search index, which analyzes French releases in French.

Here, beside ``Release.language``: ``meetings`` never imports ``statements``, and every stage of
``statements`` may import ``meetings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchLanguage:
    code: str  # Release.language, as the parser reports it
    postgres: str  # PostgreSQL text search configuration (regconfig)
    tantivy: str  # tantivy's stop-word list and stemmer


LANGUAGES: dict[str, SearchLanguage] = {
    "en": SearchLanguage("en", postgres="english", tantivy="english"),
    "fr": SearchLanguage("fr", postgres="french", tantivy="french"),
}
DEFAULT = "en"
# The configuration of the PostgreSQL search vector and of what is matched against it.
POSTGRES_CONFIG = LANGUAGES[DEFAULT].postgres


def for_release(code: str | None) -> SearchLanguage:
    """The search language of a release's language code ('fr', 'fr-FR', ''): English if unknown."""
    return LANGUAGES.get((code or "")[:2].lower(), LANGUAGES[DEFAULT])


def rank(code: str) -> int:
    """Where a language comes among a sitting's versions: English, then French, then the others
    in LANGUAGES' order. A sitting's first language is its primary version (the one counted)."""
    order = [DEFAULT, *(c for c in LANGUAGES if c != DEFAULT)]
    return order.index(for_release(code).code)


def preferred_in(language: str, other_languages: list[str], primary: bool, interface: str) -> bool:
    """Whether a version in `language` is the one an interface in `interface` shows, given the
    languages of the sitting's other versions: the interface's own, else the primary version."""
    own = for_release(language).code == interface
    return own or (primary and interface not in other_languages)


def interface_preference(active: str | None) -> str:
    """The search language an interface language prefers (English for one with no releases)."""
    return for_release(active).code


# A meeting's part as printed, in either language, by what it names: "matin & après-midi" and
# "AM & PM" are one part of one sitting.
_PART_WORDS = {
    "am": "am",
    "morning": "am",
    "matin": "am",
    "pm": "pm",
    "afternoon": "pm",
    "après-midi": "pm",
    "apres-midi": "pm",
    "night": "night",
    "evening": "night",
    "soir": "night",
    "soirée": "night",
    "nuit": "night",
    "resumed": "resumed",
    "reprise": "resumed",
}


def part_key(part: str) -> tuple[str, ...]:
    """The parts a printed part names, language aside ('matin & après-midi' -> ('am', 'pm'))."""
    words = re.split(r"\s*(?:&|,|\band\b|\bet\b)\s*|\s+", (part or "").strip().lower())
    return tuple(sorted({_PART_WORDS.get(word, word) for word in words if word}))
