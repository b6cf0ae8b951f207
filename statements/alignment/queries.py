"""Counting paired positions in PostgreSQL: one aggregate per request, whatever the group size.

Every figure comes from rows (first, second, basis, first's position, second's position, n): how
many decisions two delegations met on with those positions. `agreement` turns them into shares.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection
from django.db.models import QuerySet

from statements.alignment.agreement import PairFigures, pair_basis
from statements.alignment.votes import CONSENSUS, vote_rows

PAIR_SQL = """
WITH v AS ({rows})
SELECT a.delegation_id, b.delegation_id, a.vote_basis, b.vote_basis, a.vote, b.vote, count(*)
FROM v a JOIN v b ON b.decision_id = a.decision_id AND b.delegation_id {relation} a.delegation_id
{where}
GROUP BY 1, 2, 3, 4, 5, 6
"""
# Consensus rows are many (every member of the body, on most decisions) and all alike: rather than
# pair them, group the decisions by who joined, and count pairs per group in Python.
CONSENSUS_SQL = """
WITH v AS ({rows})
SELECT who, count(*) FROM (
    SELECT array_agg(delegation_id ORDER BY delegation_id) AS who FROM v GROUP BY decision_id
) joined {where} GROUP BY who
"""


def _rows_sql(
    decisions: QuerySet, delegation_ids: list[int] | None, *, consensus: bool
) -> tuple[str, list]:
    rows = vote_rows(decisions)
    rows = rows.filter(vote_basis=CONSENSUS) if consensus else rows.exclude(vote_basis=CONSENSUS)
    if delegation_ids is not None:
        rows = rows.filter(delegation_id__in=delegation_ids)
    query = rows.order_by().values("decision_id", "delegation_id", "vote", "vote_basis").query
    sql, params = query.sql_with_params()
    return sql, list(params)


def _figures(cursor) -> dict[tuple[int, int], PairFigures]:
    figures: dict[tuple[int, int], PairFigures] = defaultdict(PairFigures)
    for first, second, basis_a, basis_b, vote_a, vote_b, n in cursor.fetchall():
        figures[(first, second)].add(pair_basis(basis_a, basis_b), vote_a, vote_b, n)
    return figures


def pairs(decisions: QuerySet, delegation_ids: list[int]) -> dict[tuple[int, int], PairFigures]:
    """Figures for every pair of the delegations, keyed (lower id, higher id)."""
    sql, params = _rows_sql(decisions, delegation_ids, consensus=False)
    with connection.cursor() as cursor:
        cursor.execute(PAIR_SQL.format(rows=sql, relation=">", where=""), params)
        figures = _figures(cursor)
        sql, params = _rows_sql(decisions, delegation_ids, consensus=True)
        cursor.execute(CONSENSUS_SQL.format(rows=sql, where=""), params)
        for who, n in cursor.fetchall():
            for i, first in enumerate(who):
                for second in who[i + 1 :]:
                    figures[(first, second)].consensus += n
    return figures


def against_all(decisions: QuerySet, delegation_id: int) -> dict[int, PairFigures]:
    """Figures for one delegation against every other that voted on the same decisions."""
    sql, params = _rows_sql(decisions, None, consensus=False)
    query = PAIR_SQL.format(rows=sql, relation="<>", where="WHERE a.delegation_id = %s")
    with connection.cursor() as cursor:
        cursor.execute(query, [*params, delegation_id])
        found = {second: figures for (_, second), figures in _figures(cursor).items()}
        sql, params = _rows_sql(decisions, None, consensus=True)
        cursor.execute(
            CONSENSUS_SQL.format(rows=sql, where="WHERE %s = ANY(who)"), [*params, delegation_id]
        )
        for who, n in cursor.fetchall():
            for other in who:
                if other != delegation_id:
                    found.setdefault(other, PairFigures()).consensus += n
    return found


def figures_for(found: dict, first: int, second: int) -> PairFigures:
    """The pair's figures whichever way round it is asked (agreement is symmetric)."""
    return found.get((min(first, second), max(first, second))) or PairFigures()
