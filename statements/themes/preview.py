"""Preview a theme's rules as edited (unsaved): what they would tag, gain and lose, with samples."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings.languages import POSTGRES_CONFIG
from statements.themes.models import Theme
from statements.themes.rules import check_query, rule_tsquery_sql

BROAD_SHARE = 0.2
BROAD_MIN_STATEMENTS = 1000  # below this, shares say little
_MARK_START, _MARK_STOP = "\u27e6", "\u27e7"
_HEADLINE_OPTIONS = (
    f"StartSel={_MARK_START}, StopSel={_MARK_STOP}, MaxFragments=2, MinWords=8, MaxWords=35"
)


@dataclass(frozen=True)
class RuleSpec:
    """One rule as staff typed it."""

    query: str
    requires: str = ""
    is_active: bool = True


@dataclass
class RuleReport:
    """How the database reads one rule, and what it matches."""

    spec: RuleSpec
    understood_as: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    matches: int = 0
    only_this_rule: int = 0


@dataclass(frozen=True)
class Sample:
    """A statement that would be added or removed, with the matched words highlighted."""

    statement_id: int
    date: date
    who: str
    meeting: str
    excerpt: SafeString


@dataclass
class Preview:
    """The difference between the theme's saved rules and the rules as edited."""

    theme: Theme
    rules: list[RuleReport]
    total: int
    current: int
    proposed: int
    added: int
    removed: int
    added_sample: list[Sample]
    removed_sample: list[Sample]
    headlines_current: int
    headlines_proposed: int


def preview_rules(theme: Theme, specs: list[RuleSpec], *, sample_size: int = 10) -> Preview:
    """Compare the statements the edited rules match with those the saved rules match."""
    reports = [_report(spec) for spec in specs]
    usable = [r.spec for r in reports if r.spec.is_active and not r.errors]
    with transaction.atomic(), connection.cursor() as cursor:
        _create_match_tables(cursor, theme, usable)
        _count_rule_matches(cursor, reports, usable)
        counts = _diff_counts(cursor)
        added = _samples(cursor, "added", "proposed", sample_size)
        removed = _samples(cursor, "removed", "current", sample_size)
        headlines = _headline_counts(cursor)
        cursor.execute("DROP TABLE _theme_preview_queries, _theme_preview_matches")
    total = counts.pop("total")
    for report in reports:
        if total >= BROAD_MIN_STATEMENTS and report.matches > BROAD_SHARE * total:
            share = report.matches / total
            report.warnings.append(f"Matches {share:.0%} of all statements: is it too broad?")
    return Preview(
        theme,
        reports,
        total,
        **counts,
        added_sample=added,
        removed_sample=removed,
        headlines_current=headlines[0],
        headlines_proposed=headlines[1],
    )


def _report(spec: RuleSpec) -> RuleReport:
    """Check a rule's query and second condition."""
    report = RuleReport(spec)
    check = check_query(spec.query)
    report.understood_as = check.understood_as
    report.errors += list(check.errors)
    report.warnings += list(check.warnings)
    if spec.requires:
        second = check_query(spec.requires)
        report.understood_as += f" AND ({second.understood_as})"
        report.errors += [f"And also: {e}" for e in second.errors]
        report.warnings += [f"And also: {w}" for w in second.warnings]
    return report


def _create_match_tables(cursor, theme: Theme, specs: list[RuleSpec]) -> None:
    """Temp tables: the edited rules' tsqueries (i >= 0), the saved rules' (i = -1), matches."""
    cursor.execute("DROP TABLE IF EXISTS _theme_preview_queries, _theme_preview_matches")
    cursor.execute("CREATE TEMP TABLE _theme_preview_queries (i int, q tsquery) ON COMMIT DROP")
    for i, spec in enumerate(specs):
        cursor.execute(
            f"INSERT INTO _theme_preview_queries SELECT %s, {rule_tsquery_sql('%s', '%s')}",
            [i, spec.requires, spec.query, spec.query, spec.requires],
        )
    cursor.execute(
        "INSERT INTO _theme_preview_queries "
        f"SELECT -1, {rule_tsquery_sql('query', 'requires')} "
        "FROM statements_themerule WHERE theme_id = %s AND is_active",
        [theme.pk],
    )
    cursor.execute(
        """CREATE TEMP TABLE _theme_preview_matches ON COMMIT DROP AS
        SELECT s.id AS statement_id, q.i FROM _theme_preview_queries q
        CROSS JOIN LATERAL (
            SELECT id FROM statements_statement WHERE search_vector @@ q.q
        ) s WHERE numnode(q.q) > 0"""
    )


def _count_rule_matches(cursor, reports: list[RuleReport], specs: list[RuleSpec]) -> None:
    """Fill each rule's match count and the count only it matches."""
    cursor.execute(
        """SELECT m.i, count(*), count(*) FILTER (WHERE p.rules = 1)
        FROM _theme_preview_matches m JOIN (
            SELECT statement_id, count(*) AS rules FROM _theme_preview_matches
            WHERE i >= 0 GROUP BY statement_id
        ) p USING (statement_id)
        WHERE m.i >= 0 GROUP BY m.i"""
    )
    found = {i: (n, only) for i, n, only in cursor.fetchall()}
    by_spec = {id(spec): i for i, spec in enumerate(specs)}
    for report in reports:
        i = by_spec.get(id(report.spec))
        report.matches, report.only_this_rule = found.get(i, (0, 0))


def _diff_counts(cursor) -> dict[str, int]:
    """How many statements the saved and edited rules match, gain and lose."""
    cursor.execute(
        """WITH cur AS (SELECT DISTINCT statement_id FROM _theme_preview_matches WHERE i < 0),
        new AS (SELECT DISTINCT statement_id FROM _theme_preview_matches WHERE i >= 0)
        SELECT (SELECT count(*) FROM statements_statement),
            (SELECT count(*) FROM cur), (SELECT count(*) FROM new),
            (SELECT count(*) FROM (SELECT * FROM new EXCEPT SELECT * FROM cur) a),
            (SELECT count(*) FROM (SELECT * FROM cur EXCEPT SELECT * FROM new) r)"""
    )
    keys = ("total", "current", "proposed", "added", "removed")
    return dict(zip(keys, cursor.fetchone(), strict=True))


def _samples(cursor, kind: str, side: str, limit: int) -> list[Sample]:
    """The most recent statements gained (or lost), highlighted with the rules that match them."""
    new, cur = "i >= 0", "i < 0"
    have, lack = (new, cur) if kind == "added" else (cur, new)
    highlight = new if side == "proposed" else cur
    cursor.execute(
        f"""WITH ids AS (
            SELECT statement_id FROM _theme_preview_matches WHERE {have}
            EXCEPT SELECT statement_id FROM _theme_preview_matches WHERE {lack}
        ),
        q AS (
            SELECT string_agg('(' || regexp_replace(q::text, ':B', '', 'g') || ')', ' | ')::tsquery
                AS q
            FROM _theme_preview_queries WHERE {highlight} AND numnode(q) > 0
        )
        SELECT s.id, s.date, coalesce(nullif(s.delegation_label, ''), s.speaker_label),
            m.title, ts_headline('{POSTGRES_CONFIG}', s.text, q.q, %s)
        FROM ids JOIN statements_statement s ON s.id = ids.statement_id
        JOIN meetings_meeting m ON m.id = s.meeting_id CROSS JOIN q
        ORDER BY s.date DESC, s.id DESC LIMIT %s""",
        [_HEADLINE_OPTIONS, limit],
    )
    return [
        Sample(pk, day, who, title, _marked(excerpt)) for pk, day, who, title, excerpt in cursor
    ]


def _headline_counts(cursor) -> tuple[int, int]:
    """How many meeting headlines the saved and the edited rules match (agenda candidates)."""
    cursor.execute(
        f"""WITH h AS MATERIALIZED (
            SELECT id, setweight(to_tsvector('{POSTGRES_CONFIG}', title), 'B') AS v
            FROM meetings_meeting
        )
        SELECT count(DISTINCT h.id) FILTER (WHERE q.i < 0),
            count(DISTINCT h.id) FILTER (WHERE q.i >= 0)
        FROM h JOIN _theme_preview_queries q ON h.v @@ q.q"""
    )
    return cursor.fetchone()


def _marked(excerpt: str) -> SafeString:
    """Escape an excerpt and turn the highlight markers into <mark>."""
    html = escape(excerpt).replace(_MARK_START, "<mark>").replace(_MARK_STOP, "</mark>")
    return mark_safe(html)  # escaped above: only our own <mark> tags are HTML
