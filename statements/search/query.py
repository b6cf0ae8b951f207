"""Full-text search's PostgreSQL side: clean a researcher's query, highlight the page shown.

Matching and ranking are the search index's (statements/search/index/); snippets stem each
statement in its release's language, as the search index matched it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import Case, F, Func, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from meetings.languages import DEFAULT, LANGUAGES, POSTGRES_CONFIG
from statements.models import Statement
from statements.search import compiled
from statements.search.snippet_quotes import join_fragments

SEARCH_CONFIG = POSTGRES_CONFIG
MAX_QUERY_CHARS = 500
# Sentinels ts_headline wraps matches in; the text is HTML-escaped before they become <mark>.
_START, _STOP = "\x02", "\x03"
_FRAGMENTS = "\x04"  # between ts_headline's fragments; snippet_quotes says how they join
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ParsedQuery:
    """A query as typed and as searched, with notes telling the researcher what was changed."""

    raw: str
    text: str
    notes: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.text)


def parse_query(raw: str | None) -> ParsedQuery:
    """Clean a typed query: strip control bytes, cap its length, close an open quotation."""
    raw = raw or ""
    text = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", raw)).split())
    notes: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0]
        notes.append(
            gettext("Your search was shortened to its first %(n)s characters.")
            % {"n": MAX_QUERY_CHARS}
        )
    text = _normalize_quotes(text)
    if text.count('"') % 2:
        text = text + '"'
        notes.append(gettext("An unmatched quotation mark was closed."))
    return ParsedQuery(raw=raw, text=text, notes=tuple(notes))


def _normalize_quotes(text: str) -> str:
    """Treat typographic double quotes as the straight quotes the search syntax uses."""
    return text.translate({0x201C: '"', 0x201D: '"', 0x201E: '"', 0x00AB: '"', 0x00BB: '"'})


def has_lexemes(text: str) -> bool:
    """Say whether the query keeps any searchable word (it may be only stop words)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, text]
        )
        return cursor.fetchone()[0] > 0


def headlines(ids: Iterable[int], text: str) -> dict[int, SafeString]:
    """Return highlighted snippets for the statements shown, keyed by id (one query)."""
    ids = list(ids)
    if not ids or not text:
        return {}
    rows = _headline_rows().run(ids=ids, text=text)
    return {pk: render_headline(quoted(snippet, text)) for pk, snippet, text in rows}


@cache
def _headline_rows() -> compiled.CompiledQuery:
    """The snippets' query, compiled once a process (the ids and the text are its parameters)."""
    headline = _headline(
        compiled.TEXT, max_words=40, min_words=20, max_fragments=3, fragment_delimiter=_FRAGMENTS
    )
    rows = Statement.objects.filter(pk__any_of=compiled.ids()).annotate(headline=headline)
    return compiled.CompiledQuery(rows.values_list("pk", "headline", "text"))


def quoted(snippet: str, text: str) -> str:
    """The snippet with its gaps inside quotations shown as "[…]" (statements.search.
    snippet_quotes)."""
    fragments = snippet.split(_FRAGMENTS)
    plain = [f.replace(_START, "").replace(_STOP, "") for f in fragments]
    return join_fragments(fragments, plain, text)


def _headline(text: str, **options) -> SearchHeadline:
    """ts_headline of the text column for the query, with the sentinels render_marks reads."""
    config = _row_config()
    # The sentinels are removed from the text first: a statement holding them (written before
    # ingest stripped control characters, or edited in the admin) never gets a <mark> of its own.
    text_only = Func(F("text"), Value(_START + _STOP), Value(""), function="translate")
    return SearchHeadline(
        text_only,
        SearchQuery(text, search_type="websearch", config=config),
        config=config,
        start_sel=_START,
        stop_sel=_STOP,
        **options,
    )


@cache
def _row_config() -> Case:
    """Each statement's text search configuration, from its release's language (built once:
    expressions are copied when a query resolves them)."""
    others = [
        When(meeting__release__language__istartswith=code, then=Value(language.postgres))
        for code, language in LANGUAGES.items()
        if code != DEFAULT
    ]
    return Case(*others, default=Value(POSTGRES_CONFIG))


def render_headline(snippet: str) -> SafeString:
    """Escape a ts_headline result, then turn its sentinels into <mark> elements."""
    snippet = " ".join(snippet.split())
    plain = snippet.replace(_START, "").replace(_STOP, "")
    if plain[:1].islower():
        snippet = "… " + snippet  # the fragment starts mid-sentence
    if plain[-1:] not in {".", "!", "?", "”", '"', ")"}:
        snippet = snippet + " …"
    return mark_safe(render_marks(snippet))  # noqa: S308 - render_marks escapes the text


def highlight_all(queryset, pk: int, text: str) -> SafeString | None:
    """The whole text of one statement with every match marked, paragraphs kept (one query)."""
    if not text:
        return None
    headline = _headline(text, highlight_all=True)
    marked = queryset.filter(pk=pk).annotate(marked=headline).values_list("marked", flat=True)
    found = next(iter(marked), None)
    if not found or _START not in found:
        return None
    paragraphs = [p.strip() for p in found.split("\n") if p.strip()]
    html = "".join(f"<p>{render_marks(p)}</p>" for p in paragraphs)
    return mark_safe(html)  # noqa: S308 - each paragraph was escaped by render_marks


def render_marks(snippet: str) -> str:
    """Escape text, then turn the headline sentinels into <mark> elements."""
    return escape(snippet).replace(_START, "<mark>").replace(_STOP, "</mark>")
