"""Shaping alignment records for templates: percentages, heat-map bands, matrix rows."""

from __future__ import annotations

from django import template

register = template.Library()
BANDS = 5


@register.filter
def percent(value) -> str:
    """0.6667 as "66.7%"; no figure as "—"."""
    return "—" if value is None else f"{value * 100:.1f}%"


@register.filter
def band(value) -> str:
    """The heat-map band of a share: 0 (0-20%) to 4 (80-100%), "none" without a figure."""
    if value is None:
        return "none"
    return str(min(BANDS - 1, int(value * BANDS)))


@register.filter
def with_rows(pairs: list[dict]) -> list[dict]:
    """Each pair with its table rows: recorded, inferred, and both."""
    return [
        {
            **p,
            "rows": [
                ("recorded", p["recorded"]),
                ("inferred", p["inferred"]),
                ("votes", p["votes"]),
            ],
        }
        for p in pairs
    ]


@register.filter
def matrix_rows(report: dict) -> list[tuple[dict, list]]:
    """Rows of the heat map: each delegation with its cells in column order (None: itself)."""
    cells = {(c["first"]["code"], c["second"]["code"]): c for c in report["cells"]}
    codes = [d["code"] for d in report["delegations"]]
    return [
        (row, [cells.get((row["code"], code)) for code in codes]) for row in report["delegations"]
    ]


@register.filter
def alike_lists(report: dict) -> list[tuple[str, list[dict], str]]:
    """The two rankings, each row with the counts of the basis chosen."""
    basis = report["scope"]["basis"]

    def shaped(rows: list[dict]) -> list[dict]:
        return [{**r, "counted": r[basis]} for r in rows]

    return [
        ("Most alike", shaped(report["most"]), "most-alike"),
        ("Least alike", shaped(report["least"]), "least-alike"),
    ]


VOTE_WORDS = {"in_favour": "in favour", "against": "against", "abstaining": "abstained"}


@register.filter
def vote_words(vote) -> str:
    return VOTE_WORDS.get(vote, "no vote recorded") if vote else "no vote recorded"
