"""The records each alignment tool answers with: one dict, the same for page, API and CSV."""

from __future__ import annotations

from django.utils.translation import gettext

from statements.alignment import groups, params, queries
from statements.alignment.agreement import PairFigures
from statements.models import Delegation

MAX_PAIR = 8
ALIKE_SHOWN = 10


def _who(delegation: Delegation) -> dict:
    return {"code": delegation.code, "name": delegation.name, "slug": delegation.slug}


def _scope_record(chosen: dict) -> dict:
    return {
        "description": params.scope_words(chosen),
        "body": chosen["body"].slug if chosen.get("body") else None,
        "year_from": chosen.get("year_from"),
        "year_to": chosen.get("year_to"),
        "theme": chosen["theme"].slug if chosen.get("theme") else None,
        "subject": chosen.get("subject") or None,
        "basis": chosen["basis"],
        "count": chosen["count"],
    }


def _pair_record(first: Delegation, second: Delegation, figures: PairFigures) -> dict:
    return {"first": _who(first), "second": _who(second), **figures.as_dict()}


def shown_value(record: dict, chosen: dict) -> float | None:
    """The figure a matrix cell or a ranking uses: the chosen basis and convention."""
    key = "half_agreement" if chosen["count"] == "half" else "distinct_position"
    return record[chosen["basis"]][key]


def pair(query) -> dict:
    """Every pair among two to eight delegations."""
    chosen = params.scope(query)
    found = params.delegations(query.getlist("delegation"), least=2, most=MAX_PAIR)
    counted = queries.pairs(
        params.decisions_in(chosen), [d.id for d in found], whole=params.covers_everything(chosen)
    )
    pairs = [
        _pair_record(a, b, queries.figures_for(counted, a.id, b.id))
        for i, a in enumerate(found)
        for b in found[i + 1 :]
    ]
    return {
        "scope": _scope_record(chosen),
        "delegations": [_who(d) for d in found],
        "pairs": pairs,
    }


def matrix(query) -> dict:
    """A group's pairs, for a heat map: a named group or a list of delegations."""
    chosen = params.scope(query)
    group = query.get("group", "")
    if group:
        label, found = groups.members(group)
    else:
        found = params.delegations(query.getlist("delegation"), least=2, most=params.MAX_MATRIX)
        label = gettext("Chosen delegations")
    counted = queries.pairs(
        params.decisions_in(chosen), [d.id for d in found], whole=params.covers_everything(chosen)
    )
    cells = []
    for a in found:
        for b in found:
            if a.id == b.id:
                continue
            record = _pair_record(a, b, queries.figures_for(counted, a.id, b.id))
            record["value"] = shown_value(record, chosen)
            cells.append(record)
    return {
        "scope": _scope_record(chosen),
        "group": {"value": group or None, "label": label},
        "delegations": [_who(d) for d in found],
        "cells": cells,
    }


def alike(query) -> dict:
    """One delegation against every other: most and least alike by the chosen figure."""
    chosen = params.scope(query)
    (delegation,) = params.delegations(query.getlist("delegation"), least=1, most=1)
    counted = queries.against_all(params.decisions_in(chosen), delegation.id)
    others = {d.id: d for d in Delegation.objects.filter(id__in=list(counted))}
    ranked = []
    for other_id, figures in counted.items():
        record = _pair_record(delegation, others[other_id], figures)
        record["value"] = shown_value(record, chosen)
        if (
            record["value"] is not None
            and record[chosen["basis"]]["decisions"] >= chosen["min_decisions"]
        ):
            ranked.append(record)
    ranked.sort(key=lambda r: (-r["value"], -r[chosen["basis"]]["decisions"], r["second"]["name"]))
    least = sorted(
        ranked, key=lambda r: (r["value"], -r[chosen["basis"]]["decisions"], r["second"]["name"])
    )
    return {
        "scope": _scope_record(chosen),
        "delegation": _who(delegation),
        "min_decisions": chosen["min_decisions"],
        "most": ranked[:ALIKE_SHOWN],
        "least": least[:ALIKE_SHOWN],
        "ranked": ranked,
    }


CSV_FIELDS = [
    "first_code",
    "first_name",
    "second_code",
    "second_name",
    "basis",
    "decisions",
    "identical",
    "half",
    "opposed",
    "distinct_position",
    "half_agreement",
]


def csv_rows(pairs: list[dict]) -> list[dict]:
    """One row per pair and basis: recorded, inferred, votes (both), consensus (joined)."""
    rows = []
    for record in pairs:
        who = {
            "first_code": record["first"]["code"],
            "first_name": record["first"]["name"],
            "second_code": record["second"]["code"],
            "second_name": record["second"]["name"],
        }
        for basis in ("recorded", "inferred", "votes"):
            rows.append({**who, "basis": basis, **record[basis]})
        rows.append({**who, "basis": "consensus", "decisions": record["consensus_joined"]})
    return rows
