"""Index documents from Statement rows: one SQL for a full rebuild and for a few ids."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import tantivy
from django.db import connection

from meetings.languages import for_release
from statements.search_index.schema import NAMES_FIELD, ORDER_FIELD, ORDER_SPLIT, TEXT_FIELDS

# The effective themes are the archive's one definition (querysets.effective_theme_tags):
# tags that are not removals, on statements with no staff removal of that theme.
SELECT = """
SELECT s.id, s.meeting_id, s.text, coalesce(r.language, 'en'), s.kind, s.date,
       concat_ws(' ', s.speaker_label, s.delegation_label, sp.name, d.name, d.code),
       coalesce(d.code, ''), b.slug, coalesce(m.session, 0),
       coalesce(canon.slug, sp.slug, ''), coalesce(sp.slug, ''),
       coalesce(tags.themes, '{}'), coalesce(tags.pillars, '{}')
FROM statements_statement s
JOIN meetings_meeting m ON m.id = s.meeting_id
JOIN meetings_body b ON b.id = m.body_id
LEFT JOIN meetings_release r ON r.id = m.release_id
LEFT JOIN statements_delegation d ON d.id = s.delegation_id
LEFT JOIN statements_speaker sp ON sp.id = s.speaker_id
LEFT JOIN statements_speaker canon ON canon.id = sp.merged_into_id
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT t.slug) AS themes,
           array_agg(DISTINCT coalesce(p.slug, t.slug)) AS pillars
    FROM statements_statementtheme st
    JOIN statements_theme t ON t.id = st.theme_id
    LEFT JOIN statements_theme p ON p.id = t.parent_id
    WHERE st.statement_id = s.id AND NOT st.is_removal
      AND NOT EXISTS (SELECT 1 FROM statements_statementtheme x WHERE x.statement_id = s.id
                      AND x.theme_id = st.theme_id AND x.is_removal)
) tags ON true
"""
COLUMNS = [
    "id",
    "meeting",
    "text",
    "language",
    "kind",
    "date",
    "names",
    "delegation",
    "body",
    "session",
    "speaker",
    "speaker_own",
    "themes",
    "pillars",
]


def document(row: Sequence) -> tantivy.Document:
    """One statement as the index holds it."""
    r = dict(zip(COLUMNS, row, strict=True))
    day = r["date"]
    ymd = day.year * 10000 + day.month * 100 + day.day
    doc = tantivy.Document()
    doc.add_integer("id", r["id"])
    doc.add_unsigned(ORDER_FIELD, ymd * ORDER_SPLIT + r["id"])
    doc.add_text(TEXT_FIELDS[for_release(r["language"]).code], r["text"])
    doc.add_text(NAMES_FIELD, r["names"])
    for name in ("kind", "body", "delegation", "speaker", "speaker_own"):
        if r[name]:
            doc.add_text(name, r[name])
    for slug in r["themes"]:
        doc.add_text("theme", slug)
    for slug in r["pillars"]:
        doc.add_text("pillar", slug)
    for name, value in (("meeting", r["meeting"]), ("session", r["session"])):
        doc.add_integer(name, value)
    doc.add_integer("year", day.year)
    doc.add_integer("date", ymd)
    return doc


def documents_for(ids: Iterable[int]) -> Iterator[tuple[int, tantivy.Document]]:
    """The current documents of these statements (ids no longer in the database yield none)."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), 5000):
        with connection.cursor() as cursor:
            cursor.execute(SELECT + " WHERE s.id = ANY(%s)", [ids[start : start + 5000]])
            for row in cursor.fetchall():
                yield row[0], document(row)


def all_rows() -> Iterator[Sequence]:
    """Every statement's row through a server-side cursor (flat memory); inside a transaction."""
    connection.ensure_connection()
    with connection.connection.cursor(name="search_index_rows") as rows:
        rows.itersize = 5000
        rows.execute(SELECT)
        yield from rows
