"""The index's fields and analyzers: stemmed English and French text, exact facet fields."""

from __future__ import annotations

import tantivy

from meetings.languages import LANGUAGES

# Registered on every opened index: tantivy keeps a tokenizer's name, not the tokenizer itself.
ANALYZERS = {code: f"{code}_words" for code in LANGUAGES}
TEXT_FIELDS = {code: f"text_{code}" for code in LANGUAGES}
NAMES_FIELD = "names"  # speaker and delegation as printed and as resolved, English analysis
FACET_TEXT_FIELDS = (
    "delegation",
    "theme",
    "pillar",
    "body",
    "kind",
    "speaker",
    "speaker_own",
    "review",
    "language",
    "preferred",
)
# The interface languages a statement is shown to when no language is chosen: one version of
# each sitting per interface (its own language's where the archive holds it; meetings/versions).
PREFERRED_FIELD = "preferred"
FACET_INT_FIELDS = ("session", "year", "date", "meeting")
# Sort key for date order: yyyymmdd * 10^10 + id, so one u64 fast field orders by (date, id).
ORDER_FIELD = "order"
ORDER_SPLIT = 10**10
U64_MAX = 2**64 - 1


def analyzer(language: str) -> tantivy.TextAnalyzer:
    """Words lowercased, stop words dropped (positions kept, so phrases still line up), stemmed."""
    name = LANGUAGES[language].tantivy
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    builder = builder.filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
    return (
        builder.filter(tantivy.Filter.stopword(name)).filter(tantivy.Filter.stemmer(name)).build()
    )


def build_schema() -> tantivy.Schema:
    """Every field a search, a facet, a sort or the indexer needs."""
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_unsigned_field(ORDER_FIELD, indexed=True, fast=True)
    for language, field in TEXT_FIELDS.items():
        builder.add_text_field(field, tokenizer_name=ANALYZERS[language], index_option="position")
    builder.add_text_field(NAMES_FIELD, tokenizer_name=ANALYZERS["en"], index_option="position")
    for name in FACET_TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    # i64, not u64: tantivy-py's term queries and deletes by term only work on i64 fields.
    for name in FACET_INT_FIELDS:
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


def register(index: tantivy.Index) -> tantivy.Index:
    """Attach the analyzers to an opened index; return it."""
    for language, name in ANALYZERS.items():
        index.register_tokenizer(name, analyzer(language))
    return index
