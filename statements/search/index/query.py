"""Researchers' queries as tantivy queries: websearch syntax, filters, and what a facet skips.

The syntax is PostgreSQL's websearch (what the site documents): words must all match,
"an exact phrase", `OR` between two terms, `-word` or `-"a phrase"` to exclude. Each word is
analyzed as the index analyzed the text (English and French stemming) and looked up in the
statement's text and, weighing more, in the speaker and delegation names. The parser never
fails: unknown syntax is read as words, and the number of terms is capped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

import tantivy

from meetings.languages import DEFAULT
from statements.search.index.schema import NAMES_FIELD, PREFERRED_FIELD, TEXT_FIELDS, analyzer

MAX_TERMS = 64
NAMES_BOOST = 2.0
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
Occur = tantivy.Occur


@dataclass(frozen=True)
class SearchSpec:
    """What to match: the words, the facet filters, and the page's own scope."""

    text: str = ""
    delegations: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    sessions: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    reviews: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # No language chosen: one version of each sitting, the one this interface language prefers
    # (meetings/versions.py); a chosen language shows all of its statements.
    prefer: str = DEFAULT
    date_from: date | None = None
    date_to: date | None = None
    all_kinds: bool = False  # counting the kind facet: summaries count too
    all_versions: bool = False  # counting the language facet: every version counts
    scope: dict = field(default_factory=dict, compare=False, hash=False)

    def without(self, facet: str) -> SearchSpec:
        """The same search without one facet's own filter (its counts reflect the others)."""
        name = {"delegation": "delegations", "theme": "themes", "body": "bodies"}.get(facet)
        name = name or {"session": "sessions", "kind": "kinds", "speaker": "speakers"}.get(facet)
        name = name or {"review": "reviews", "language": "languages"}[facet]
        return replace(
            self,
            **{name: ()},
            all_kinds=self.all_kinds or facet == "kind",
            all_versions=self.all_versions or facet == "language",
        )

    def key(self) -> str:
        return repr((*(getattr(self, f) for f in _KEY_FIELDS), sorted(self.scope.items())))


_KEY_FIELDS = [
    "text",
    "delegations",
    "themes",
    "bodies",
    "sessions",
    "kinds",
    "speakers",
    "reviews",
    "languages",
    "prefer",
    "date_from",
    "date_to",
    "all_kinds",
    "all_versions",
]


@cache
def _analyzers() -> dict[str, tantivy.TextAnalyzer]:
    return {language: analyzer(language) for language in TEXT_FIELDS}


def parse_terms(text: str) -> list[tuple[bool, list[str]]]:
    """Split websearch syntax into (excluded, words) terms, with 'OR' kept as its own term."""
    terms: list[tuple[bool, list[str]]] = []
    for match in _TOKEN.finditer(text):
        if len(terms) >= MAX_TERMS:
            break
        negated, phrase, bare = match.groups()
        if bare is not None:
            negated, bare = bare.startswith("-") and len(bare) > 1, bare
            bare = bare[1:] if negated else bare
            if bare == "OR" and not negated:
                terms.append((False, ["OR"]))
                continue
            words = _WORD.findall(bare)
        else:
            words = _WORD.findall(phrase)
        if words:
            terms.append((bool(negated), words))
    return terms


def text_query(schema: tantivy.Schema, text: str) -> tantivy.Query | None:
    """The words' query, or None when nothing searchable is left (only stop words, say)."""
    groups: list[list[tantivy.Query]] = []  # OR-groups, AND-ed together
    excluded: list[tantivy.Query] = []
    join_next = False
    for negated, words in parse_terms(text):
        if words == ["OR"]:
            join_next = bool(groups)
            continue
        query = _term_query(schema, words)
        if query is None:
            join_next = False
            continue
        if negated:
            excluded.append(query)
        elif join_next:
            groups[-1].append(query)
        else:
            groups.append([query])
        join_next = False
    if not groups:
        return None
    parts = [(Occur.Must, _any(g)) for g in groups] + [(Occur.MustNot, q) for q in excluded]
    return tantivy.Query.boolean_query(parts)


def _any(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in queries])


def _term_query(schema: tantivy.Schema, words: list[str]) -> tantivy.Query | None:
    """A word or phrase in either language's text, or in the names (boosted)."""
    fields = [(field, language) for language, field in TEXT_FIELDS.items()]
    fields.append((NAMES_FIELD, "en"))
    alternatives = []
    for field_name, language in fields:
        query = _field_query(schema, field_name, language, words)
        if query is not None:
            if field_name == NAMES_FIELD:
                query = tantivy.Query.boost_query(query, NAMES_BOOST)
            alternatives.append((Occur.Should, query))
    return tantivy.Query.boolean_query(alternatives) if alternatives else None


def _field_query(schema, field_name: str, language: str, words: list[str]):
    """Analyze each word as the field was; a phrase keeps the words' positions (stop words too)."""
    analyze, english = _analyzers()[language].analyze, _analyzers()["en"].analyze
    # An English stop word is one everywhere (as PostgreSQL's english config drops it); it
    # still holds its place in a phrase.
    positioned = [
        (i, token) for i, word in enumerate(words) if english(word) for token in analyze(word)[:1]
    ]
    if not positioned:
        return None
    if len(positioned) == 1:
        return tantivy.Query.term_query(schema, field_name, positioned[0][1])
    return tantivy.Query.phrase_query(schema, field_name, positioned)


def filter_clauses(schema: tantivy.Schema, spec: SearchSpec) -> list:
    """The facet filters and scope as MUST / MUST_NOT clauses."""
    clauses = []
    one_of = [
        ("delegation", spec.delegations),
        ("body", spec.bodies),
        ("kind", spec.kinds),
        ("review", spec.reviews),
        ("language", spec.languages),
        ("session", spec.sessions),
    ]
    for name, values in one_of:
        if values:
            clauses.append((Occur.Must, tantivy.Query.term_set_query(schema, name, list(values))))
    if spec.themes:  # a pillar stands for itself and every theme under it
        clauses.append((Occur.Must, _either(schema, ("theme", "pillar"), spec.themes)))
    if spec.speakers:  # a speaker includes the speakers merged into it
        clauses.append((Occur.Must, _either(schema, ("speaker", "speaker_own"), spec.speakers)))
    if spec.scope.get("speaker"):
        clauses.append((Occur.Must, _either(schema, ("speaker",), [spec.scope["speaker"]])))
    if spec.scope.get("after_id"):  # alerts: only what was added since the last digest
        newer = (spec.scope["after_id"] + 1, 2**63 - 1)
        range_query = tantivy.Query.range_query(schema, "id", tantivy.FieldType.Integer, *newer)
        clauses.append((Occur.Must, range_query))
    if spec.date_from or spec.date_to:
        low = _ymd(spec.date_from) if spec.date_from else 0
        high = _ymd(spec.date_to) if spec.date_to else 99991231
        day = tantivy.Query.range_query(schema, "date", tantivy.FieldType.Integer, low, high)
        clauses.append((Occur.Must, day))
    if not spec.languages and not spec.all_versions:
        preferred = tantivy.Query.term_query(schema, PREFERRED_FIELD, spec.prefer)
        clauses.append((Occur.Must, preferred))
    if not spec.kinds and not spec.all_kinds:
        clauses.append((Occur.MustNot, tantivy.Query.term_query(schema, "kind", "summary")))
    return clauses


def _either(schema, fields, values) -> tantivy.Query:
    sets = [tantivy.Query.term_set_query(schema, f, list(values)) for f in fields]
    return (
        sets[0]
        if len(sets) == 1
        else tantivy.Query.boolean_query([(Occur.Should, q) for q in sets])
    )


def _ymd(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def build(schema: tantivy.Schema, spec: SearchSpec) -> tuple[tantivy.Query, bool]:
    """The whole query, and whether it has words (else it matches by filters alone)."""
    words = text_query(schema, spec.text) if spec.text else None
    clauses = filter_clauses(schema, spec)
    clauses.insert(0, (Occur.Must, words if words is not None else tantivy.Query.all_query()))
    return tantivy.Query.boolean_query(clauses), words is not None
