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
