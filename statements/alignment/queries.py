"""Counting paired positions: bitmaps for a group's pairs, one PostgreSQL aggregate for one
delegation against all others.

A group's pairs (`pairs`) read each delegation's decisions once, as bitmaps per position and basis,
and count a pair by the bits two bitmaps share: the cost grows with the group, not with its pairs
times the decisions. One delegation against every other (`against_all`) joins vote rows in SQL,
consensus rows grouped by who joined. `agreement` turns the counts into shares.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection
from django.db.models import QuerySet

from statements.alignment import bitmaps
from statements.alignment.agreement import PairFigures, pair_basis
from statements.alignment.votes import CONSENSUS, INFERRED, POSITIONS, RECORDED, vote_rows

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


def pairs(
    decisions: QuerySet, delegation_ids: list[int], *, whole: bool = False
) -> dict[tuple[int, int], PairFigures]:
    """Figures for every pair of the delegations, keyed (lower id, higher id).

    Linear in the group, not in its pairs: each delegation's decisions are bitmaps per position
    and basis (kept between requests until the votes change: statements/alignment/bitmaps.py),
    limited to the scope's decisions, and each pair's count for two positions is the number of
    bits their bitmaps share. `whole`: the decisions are every decision of the archive, so the
    kept bitmaps are used as they are.
    """
    maps = bitmaps.CACHE.of(delegation_ids)
    if not whole:
        scope = bitmaps.scope_bitmap(decisions)
        maps = {pk: bitmaps.in_scope(found, scope) for pk, found in maps.items()}
    figures: dict[tuple[int, int], PairFigures] = defaultdict(PairFigures)
    ordered = sorted(pk for pk, found in maps.items() if found)
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            figures[(first, second)] = _pair(maps[first], maps[second])
    return figures


def _pair(first: dict[tuple[str, str], int], second: dict[tuple[str, str], int]) -> PairFigures:
    figures = PairFigures()
    consensus_a = _union(first, CONSENSUS)
    consensus_b = _union(second, CONSENSUS)
    figures.consensus = (consensus_a & consensus_b).bit_count()
    for vote_a in POSITIONS:
        recorded_a = first.get((RECORDED, vote_a), 0)
        either_a = recorded_a | first.get((INFERRED, vote_a), 0)
        if not either_a:
            continue
        for vote_b in POSITIONS:
            recorded_b = second.get((RECORDED, vote_b), 0)
            either_b = recorded_b | second.get((INFERRED, vote_b), 0)
            both_recorded = (recorded_a & recorded_b).bit_count()
            figures.add(RECORDED, vote_a, vote_b, both_recorded)
            figures.add(INFERRED, vote_a, vote_b, (either_a & either_b).bit_count() - both_recorded)
    return figures


def _union(maps: dict[tuple[str, str], int], basis: str) -> int:
    found = 0
    for (row_basis, _), bitmap in maps.items():
        if row_basis == basis:
            found |= bitmap
    return found


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
