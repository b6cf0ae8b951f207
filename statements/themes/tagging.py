"""Theme tagging: set-based SQL that tags statements from theme rules and their meeting's agenda.

Where a tag comes from (``StatementTheme.source``):

- ``rule``: an active ``ThemeRule`` matched the statement's text (the first matching rule is kept);
- ``agenda``: the theme is on the meeting's agenda (``MeetingTheme``), so every statement of the
  meeting carries it, even one that uses other words;
- ``staff``: added by staff; with ``is_removal=True`` it means "not this theme".

Re-tagging recomputes the ``rule`` and ``agenda`` rows in a temporary table, then writes only the
difference (rows no longer found are deleted, new ones inserted), so an unchanged archive re-tags
without rewriting millions of rows. Staff rows are never touched. A staff removal does not stop
automatic rows from being written: they stay, so the admin shows what the rules would do, and
``statements.querysets.effective_theme_tags`` (the one definition of a statement's themes, used by
every page, facet and filter) ignores them.

A meeting's agenda themes are the themes whose rules match its headline (``Meeting.title``) or its
first lead paragraph, and that the rules also find in enough of its statements on their own
(``HEADLINE_MIN_SHARE``, ``LEAD_MIN_SHARE``): the subject of a debate reaches every speaker, a
subject mentioned in passing does not.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, QuerySet

from meetings.languages import POSTGRES_CONFIG
from statements.querysets import effective_theme_tags
from statements.themes.models import StatementTheme, Theme
from statements.themes.rules import ACTIVE_RULES_SQL

# An agenda theme must also be found by rules in this share of the meeting's statements: a
# headline naming several subjects ("Nuclear Risks, Arms Race in Outer Space") or a lead paragraph
# mentioning one in passing must not tag every speaker with each.
HEADLINE_MIN_SHARE = 0.25
LEAD_MIN_SHARE = 0.5


@dataclass(frozen=True)
class Scope:
    """What a re-tag covers: some themes, some meetings, or (None) all of them."""

    theme_ids: tuple[int, ...] | None = None
    meeting_ids: tuple[int, ...] | None = None

    def where(self, theme_col: str | None = None, meeting_col: str | None = None) -> str:
        """SQL conditions (each starting with AND) restricting columns to the scope."""
        sql = ""
        if theme_col and self.theme_ids is not None:
            sql += f" AND {theme_col} = ANY(%(theme_ids)s)"
        if meeting_col and self.meeting_ids is not None:
            sql += f" AND {meeting_col} = ANY(%(meeting_ids)s)"
        return sql

    @property
    def params(self) -> dict[str, list[int]]:
        return {
            "theme_ids": list(self.theme_ids or ()),
            "meeting_ids": list(self.meeting_ids or ()),
        }


@dataclass(frozen=True)
class RetagResult:
    """What a re-tag found and changed, and how long each step took."""

    rule_tags: int
    agenda_tags: int
    meeting_themes: int
    added: int
    removed: int
    seconds: float
    steps: dict[str, float] = field(default_factory=dict)


def tag_meeting(meeting) -> None:
    """Tag the statements of one meeting (called inside the ingest transaction)."""
    retag(meetings=[meeting.pk])


def retag_all() -> RetagResult:
    """Re-tag every statement from the active rules: the command and the admin action call this."""
    return retag()


@transaction.atomic
def retag(
    *, themes: Iterable[Theme | int] | None = None, meetings: Iterable[int] | None = None
) -> RetagResult:
    """Recompute rule and agenda tags for some themes and/or meetings (None: all), atomically."""
    started = time.perf_counter()
    scope = Scope(_ids(themes), tuple(meetings) if meetings is not None else None)
    steps = _Steps()
    with connection.cursor() as cursor:
        _lock(cursor, scope)
        if scope.meeting_ids is None:
            cursor.execute("SET LOCAL work_mem = '256MB'")  # hash joins over millions of tags
        rule_tags = steps("rules", _find_rule_tags, cursor, scope)
        meeting_themes = steps("agendas", _write_meeting_themes, cursor, scope)
        agenda_tags = steps("agenda tags", _find_agenda_tags, cursor, scope)
        removed, added = steps("write", _write_difference, cursor, scope)
        cursor.execute("DROP TABLE _retag_found")
    # The tags' triggers name each statement whose tags changed, and only those: a re-tag that
    # changes nothing writes no outbox entry, one that changes 1% re-indexes 1% (in slices).
    seconds = time.perf_counter() - started
    return RetagResult(
        rule_tags, agenda_tags, meeting_themes, added, removed, seconds, steps.seconds
    )


def _lock(cursor, scope: Scope) -> None:
    """Serialize re-tags that could delete tags another transaction is writing.

    A re-tag deletes the automatic tags it did not find; one spanning meetings must not run while
    an ingest tags a meeting (it would delete the ingest's new tags), so it takes the lock alone,
    while meetings' taggings share it.
    """
    shared = "_shared" if scope.meeting_ids is not None else ""
    cursor.execute(f"SELECT pg_advisory_xact_lock{shared}(hashtext('statements.retag'))")


class _Steps:
    """Run steps and keep how long each took."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, name: str, step: Callable, *args):
        started = time.perf_counter()
        result = step(*args)
        self.seconds[name] = time.perf_counter() - started
        return result


def _ids(themes: Iterable[Theme | int] | None) -> tuple[int, ...] | None:
    """Theme ids from themes or ids."""
    if themes is None:
        return None
    return tuple(t.pk if isinstance(t, Theme) else int(t) for t in themes)


def _rules_cte(scope: Scope) -> str:
    """The active rules in scope, each compiled once to a tsquery."""
    rules = ACTIVE_RULES_SQL.format(theme_filter=scope.where("theme_id"))
    return f"rules AS MATERIALIZED ({rules})"


def _find_rule_tags(cursor, scope: Scope) -> int:
    """Collect, per statement and theme in scope, the first active rule (by id) that matches."""
    if scope.meeting_ids is None:
        # One GIN index scan per rule: fast over the whole archive.
        matches = """FROM rules r CROSS JOIN LATERAL (
            SELECT id FROM statements_statement WHERE search_vector @@ r.q) s"""
    else:
        # A few meetings: test their statements against every rule instead.
        matches = f"""FROM statements_statement s JOIN rules r ON s.search_vector @@ r.q
            WHERE true{scope.where(meeting_col="s.meeting_id")}"""
    cursor.execute("DROP TABLE IF EXISTS _retag_found")
    # Filled in bulk and indexed afterwards: maintaining an index row by row over millions of
    # rows in the session's small temporary buffers is many times slower.
    cursor.execute(
        f"""CREATE TEMP TABLE _retag_found ON COMMIT DROP AS
        WITH {_rules_cte(scope)}
        SELECT s.id AS statement_id, r.theme_id, 'rule'::varchar(10) AS source,
            min(r.id) AS rule_id
        {matches}
        GROUP BY s.id, r.theme_id""",
        scope.params,
    )
    found = cursor.rowcount
    cursor.execute("CREATE INDEX _retag_found_key ON _retag_found (statement_id, theme_id)")
    cursor.execute("ANALYZE _retag_found")  # the agenda step's plan depends on its size
    return found


def _write_meeting_themes(cursor, scope: Scope) -> int:
    """Rewrite each meeting's agenda themes: from headline or lead paragraph, if shared enough."""
    cursor.execute(
        "DELETE FROM statements_meetingtheme WHERE true"
        + scope.where(theme_col="theme_id", meeting_col="meeting_id"),
        scope.params,
    )
    cursor.execute(
        f"""WITH {_rules_cte(scope)},
        headlines AS MATERIALIZED (
            SELECT id, setweight(to_tsvector('{POSTGRES_CONFIG}', title), 'B') AS v
            FROM meetings_meeting WHERE true{scope.where(meeting_col="id")}
        ),
        leads AS (
            SELECT DISTINCT ON (meeting_id) meeting_id, id FROM statements_statement
            WHERE kind = 'summary'{scope.where(meeting_col="meeting_id")}
            ORDER BY meeting_id, sequence
        ),
        candidates AS (
            SELECT meeting_id, theme_id, min(rule_id) AS rule_id, bool_or(headline) AS headline
            FROM (
                SELECT h.id AS meeting_id, r.theme_id, r.id AS rule_id, true AS headline
                FROM headlines h JOIN rules r ON h.v @@ r.q
                UNION ALL
                SELECT l.meeting_id, f.theme_id, f.rule_id, false
                FROM leads l JOIN _retag_found f ON f.statement_id = l.id AND f.source = 'rule'
            ) found
            GROUP BY meeting_id, theme_id
        )
        INSERT INTO statements_meetingtheme (meeting_id, theme_id, rule_id)
        SELECT meeting_id, theme_id, rule_id FROM candidates c
        WHERE {_SHARE_SQL} >= CASE WHEN headline THEN %(headline)s ELSE %(lead)s END""",
        {**scope.params, "headline": HEADLINE_MIN_SHARE, "lead": LEAD_MIN_SHARE},
    )
    return cursor.rowcount


# The share of a candidate meeting's statements (lead summaries aside) the theme's rules found.
_SHARE_SQL = """(
    SELECT count(f.rule_id)::float / greatest(count(*), 1)
    FROM statements_statement s
    LEFT JOIN _retag_found f ON f.statement_id = s.id AND f.theme_id = c.theme_id
        AND f.source = 'rule'
    WHERE s.meeting_id = c.meeting_id AND s.kind <> 'summary'
)"""


def _find_agenda_tags(cursor, scope: Scope) -> int:
    """Give every statement of a meeting the meeting's agenda themes."""
    cursor.execute("DROP INDEX _retag_found_key")  # not needed from here on; bulk inserts follow
    # Unique already: a statement is in one meeting, and a meeting has a theme once.
    cursor.execute(
        f"""INSERT INTO _retag_found (statement_id, theme_id, source, rule_id)
        SELECT s.id, m.theme_id, 'agenda', m.rule_id
        FROM statements_meetingtheme m JOIN statements_statement s ON s.meeting_id = m.meeting_id
        WHERE true{scope.where(theme_col="m.theme_id", meeting_col="m.meeting_id")}""",
        scope.params,
    )
    return cursor.rowcount


def _write_difference(cursor, scope: Scope) -> tuple[int, int]:
    """Delete automatic tags no longer found, correct their rule, insert new ones."""
    by_meeting = scope.meeting_ids is not None
    using = " USING statements_statement s" if by_meeting else ""
    joined = " AND s.id = t.statement_id" if by_meeting else ""
    cursor.execute(
        f"""DELETE FROM statements_statementtheme t{using}
        WHERE t.source IN ('rule', 'agenda'){joined}
        {scope.where(theme_col="t.theme_id", meeting_col="s.meeting_id")}
        AND NOT EXISTS (SELECT 1 FROM _retag_found f WHERE f.statement_id = t.statement_id
            AND f.theme_id = t.theme_id AND f.source = t.source)""",
        scope.params,
    )
    removed = cursor.rowcount
    cursor.execute(
        """UPDATE statements_statementtheme t SET rule_id = f.rule_id FROM _retag_found f
        WHERE f.statement_id = t.statement_id AND f.theme_id = t.theme_id AND f.source = t.source
        AND t.rule_id IS DISTINCT FROM f.rule_id"""
    )
    # Keep only the new tags before inserting: an insert that anti-joins the table it writes to
    # can rescan its own new rows (quadratic when the planner picks a nested loop). Inserting in
    # statement order keeps index pages and the commit's foreign key checks local.
    cursor.execute(
        """DELETE FROM _retag_found f USING statements_statementtheme t
        WHERE f.statement_id = t.statement_id AND f.theme_id = t.theme_id
        AND f.source = t.source"""
    )
    cursor.execute(
        """INSERT INTO statements_statementtheme
            (statement_id, theme_id, source, rule_id, is_removal)
        SELECT statement_id, theme_id, source, rule_id, false FROM _retag_found
        ORDER BY statement_id, theme_id, source
        ON CONFLICT DO NOTHING"""
    )
    return removed, cursor.rowcount


def effective_tags() -> QuerySet[StatementTheme]:
    """The tags that count: automatic or staff, minus any theme staff removed from a statement."""
    return effective_theme_tags(StatementTheme.objects.all())


def effective_counts(themes: Iterable[Theme | int] | None = None) -> dict[int, int]:
    """Statements per theme id, counting each statement once (effective tags only)."""
    tags = effective_tags()
    if themes is not None:
        tags = tags.filter(theme__in=_ids(themes))
    rows = tags.order_by().values_list("theme_id").annotate(n=Count("statement_id", distinct=True))
    return dict(rows)
