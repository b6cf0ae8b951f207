"""Theme rules as SQL: websearch queries compiled to match a statement's own text, and their checks.

A rule is a websearch query (``"exact phrase"``, ``OR``, ``-word``) plus an optional second query
(``requires``) that must match too. Both are compiled in the database, so tagging stays set-based
and uses the GIN index on ``Statement.search_vector``:

- Only the statement's text counts (weight B of the search vector), never the speaker or delegation
  printed beside it: a rule ``Ukraine`` must not tag everything Ukraine's delegate said.
- ``anti-trafficking`` also matches ``anti‑trafficking`` printed with a non-breaking hyphen (U+2011,
  frequent in releases): websearch turns it into ``'anti-traffick' <-> 'anti' <-> 'traffick'``,
  and dropping the compound lexeme leaves the phrase both spellings contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection

from meetings.languages import POSTGRES_CONFIG

TEXT_WEIGHT = "B"

_COMPOUND = r"'(?:[^'-]|'')+-(?:[^']|'')*' <-> "
_LEXEME = r"('(?:[^']|'')*')"


def tsquery_sql(expr: str) -> str:
    """SQL turning a websearch query (an SQL expression) into a tsquery on statement text."""
    parsed = f"websearch_to_tsquery('{POSTGRES_CONFIG}', {expr})::text"
    without_compounds = f"regexp_replace({parsed}, $re${_COMPOUND}$re$, '', 'g')"
    weighted = f"regexp_replace({without_compounds}, $re${_LEXEME}$re$, '\\1:{TEXT_WEIGHT}', 'g')"
    return f"{weighted}::tsquery"


def rule_tsquery_sql(query: str, requires: str) -> str:
    """SQL for a rule's tsquery: the query, AND the second query when there is one."""
    both = f"{tsquery_sql(query)} && {tsquery_sql(requires)}"
    return f"(CASE WHEN {requires} = '' THEN {tsquery_sql(query)} ELSE {both} END)"


ACTIVE_RULES_SQL = f"""
    SELECT id, theme_id, {rule_tsquery_sql("query", "requires")} AS q
    FROM statements_themerule
    WHERE is_active {{theme_filter}}
    ORDER BY id
"""


@dataclass(frozen=True)
class QueryCheck:
    """What a query means to the database, and what is wrong with it."""

    understood_as: str
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def check_query(query: str) -> QueryCheck:
    """Compile a websearch query and say whether it can match anything and what it means."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT q::text, querytree(q) FROM (SELECT {tsquery_sql('%s')} AS q) x", [query]
        )
        understood, indexable = cursor.fetchone()
    errors = []
    if not understood:
        errors.append(
            "This query has no searchable words (only stop words such as “the”, “and”, “of”, "
            "or punctuation): it would match nothing."
        )
    elif indexable == "T":
        errors.append(
            "This query only excludes words (-word): it would match almost every statement. "
            "Add a word or phrase the text must contain."
        )
    readable = (understood or "").replace(f":{TEXT_WEIGHT}", "")  # the weight is always the text
    return QueryCheck(readable, tuple(errors), tuple(_hints(query)))


def _hints(query: str) -> list[str]:
    """Warn about syntax that websearch accepts but does not mean what it looks like."""
    hints = []
    unquoted = re.sub(r'"[^"]*"', " ", query)
    if "(" in unquoted or ")" in unquoted:
        hints.append(
            "Parentheses are ignored: “(a OR b) c” means “a OR (b c)”. "
            "Put a condition that must also hold in “and also”."
        )
    if re.search(r"\w-\d", query):
        hints.append(
            "A hyphen before digits (COVID-19) only matches one of the hyphens releases print; "
            "write the word alone (covid)."
        )
    if query.count('"') % 2:
        hints.append("Unbalanced quotation mark: the phrase runs to the end of the query.")
    return hints
