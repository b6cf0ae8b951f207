"""Index documents from Statement rows: one definition for a full rebuild and for a few ids.

Two ordered queries, merged by statement id: the statements with their meeting, speaker and
delegation, and their effective themes grouped per statement. (One query with a per-row LATERAL
over the tags cost a full rebuild about a minute of PostgreSQL at 1M statements.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import tantivy
from django.db import DEFAULT_DB_ALIAS, connections

from meetings.languages import LANGUAGES, for_release, preferred_in
from statements.search.index.schema import (
    NAMES_FIELD,
    ORDER_FIELD,
    ORDER_SPLIT,
    PREFERRED_FIELD,
    TEXT_FIELDS,
)

PRIMARY = DEFAULT_DB_ALIAS  # documents are read on the primary, never on a replica

ROWS = """
SELECT s.id, s.meeting_id, s.text, coalesce(r.language, 'en'), s.kind,
       to_char(s.date, 'YYYYMMDD')::int,
       concat_ws(' ', s.speaker_label, s.delegation_label, sp.name, d.name, d.code),
       coalesce(d.code, ''), b.slug, coalesce(m.session, 0),
       coalesce(canon.slug, sp.slug, ''), coalesce(sp.slug, ''), s.review_state,
       m.other_languages, m.primary_version
FROM statements_statement s
JOIN meetings_meeting m ON m.id = s.meeting_id
JOIN meetings_body b ON b.id = m.body_id
LEFT JOIN meetings_release r ON r.id = m.release_id
LEFT JOIN statements_delegation d ON d.id = s.delegation_id
LEFT JOIN statements_speaker sp ON sp.id = s.speaker_id
LEFT JOIN statements_speaker canon ON canon.id = sp.merged_into_id
{where}
ORDER BY s.id
"""
# The effective themes are the archive's one definition (querysets.effective_theme_tags):
# tags that are not removals, on statements with no staff removal of that theme.
THEMES = """
SELECT st.statement_id, array_agg(DISTINCT t.slug), array_agg(DISTINCT coalesce(p.slug, t.slug))
FROM statements_statementtheme st
JOIN statements_theme t ON t.id = st.theme_id
LEFT JOIN statements_theme p ON p.id = t.parent_id
WHERE NOT st.is_removal {where}
  AND NOT EXISTS (SELECT 1 FROM statements_statementtheme x WHERE x.statement_id = st.statement_id
                  AND x.theme_id = st.theme_id AND x.is_removal)
GROUP BY st.statement_id
ORDER BY st.statement_id
"""
COLUMNS = [
    "id",
    "meeting",
    "text",
    "language",
    "kind",
    "ymd",
    "names",
    "delegation",
    "body",
    "session",
    "speaker",
    "speaker_own",
    "review",
    "other_languages",
    "primary_version",
    "themes",
    "pillars",
]
BATCH = 5000


def document(row: Sequence) -> tantivy.Document:
    """One statement as the index holds it (a row of `rows()`).

    A full rebuild makes millions of these, so the row is unpacked by position (COLUMNS' order)
    and what depends only on the sitting's languages is looked up once per combination.
    """
    (pk, meeting, text, language, kind, ymd, names, delegation, body, session, speaker,
     speaker_own, review, other_languages, primary_version, themes, pillars) = row  # fmt: skip
    code, preferred = _languages(language, tuple(other_languages or ()), primary_version)
    doc = tantivy.Document()
    doc.add_integer("id", pk)
    doc.add_unsigned(ORDER_FIELD, ymd * ORDER_SPLIT + pk)
    doc.add_text(TEXT_FIELDS[code], text)
    doc.add_text(NAMES_FIELD, names)
    for name, value in (
        ("kind", kind),
        ("body", body),
        ("delegation", delegation),
        ("speaker", speaker),
        ("speaker_own", speaker_own),
        ("review", review),
    ):
        if value:
            doc.add_text(name, value)
    doc.add_text("language", code)
    for interface in preferred:
        doc.add_text(PREFERRED_FIELD, interface)
    for slug in themes:
        doc.add_text("theme", slug)
    for slug in pillars:
        doc.add_text("pillar", slug)
    doc.add_integer("meeting", meeting)
    doc.add_integer("session", session)
    doc.add_integer("year", ymd // 10000)
    doc.add_integer("date", ymd)
    return doc


@lru_cache(maxsize=256)
def _languages(language: str, other_languages: tuple, primary: bool) -> tuple[str, tuple]:
    """A version's search language and the interfaces it is shown to by default
    (meetings/versions.py): its own language's, else the primary version of its sitting."""
    preferred = tuple(
        interface
        for interface in LANGUAGES
        if preferred_in(language, list(other_languages), primary, interface)
    )
    return for_release(language).code, preferred


def joined(statements: Iterable[Sequence], tags: Iterable[Sequence]) -> Iterator[tuple]:
    """Each statement row with its themes and pillars (both streams ordered by id)."""
    tags = iter(tags)
    pending = next(tags, None)
    for row in statements:
        while pending is not None and pending[0] < row[0]:
            pending = next(tags, None)
        if pending is not None and pending[0] == row[0]:
            yield (*row, pending[1], pending[2])
        else:
            yield (*row, (), ())


def rows(ids: Iterable[int] | None = None) -> list[tuple]:
    """The rows of these statements (all when None), in id order: a few hundred at most."""
    where, params = ("", []) if ids is None else ("WHERE s.id = ANY(%s)", [sorted(set(ids))])
    tag_where = "" if ids is None else "AND st.statement_id = ANY(%s)"
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute(ROWS.format(where=where), params)
        statements = cursor.fetchall()
        cursor.execute(THEMES.format(where=tag_where), params)
        return list(joined(statements, cursor.fetchall()))


def documents_for(ids: Iterable[int]) -> Iterator[tuple[int, tantivy.Document]]:
    """The current documents of these statements (ids no longer in the database yield none)."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH):
        for row in rows(ids[start : start + BATCH]):
            yield row[0], document(row)


def all_rows() -> Iterator[Sequence]:
    """Every statement's row through two server-side cursors (flat memory); in a transaction."""
    primary = connections[PRIMARY]
    primary.ensure_connection()
    raw = primary.connection
    with (
        raw.cursor(name="search_index_rows") as statements,
        raw.cursor(name="search_index_tags") as tags,
    ):
        statements.itersize = tags.itersize = BATCH
        statements.execute(ROWS.format(where=""))
        tags.execute(THEMES.format(where=""))
        yield from joined(statements, tags)
