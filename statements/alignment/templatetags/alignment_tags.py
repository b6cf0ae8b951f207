"""Shaping alignment records for templates: percentages, heat-map bands, matrix rows."""

from __future__ import annotations

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

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


CELL = (
    '<td class="heat heat-{band}" data-first="{first}" data-second="{second}">'
    '<span class="figure">{figure}</span> <span class="n">n={n}</span></td>'
)
SELF_CELL = '<td class="self" aria-label="{label}">·</td>'


@register.filter
def matrix_rows(report: dict) -> list[tuple[dict, str]]:
    """Rows of the heat map: each delegation with its cells' HTML in column order (built in one
    pass: a template loop over every cell of a large group costs more than the counting; each
    value escaped with the standard library's `html.escape`, as Django's `escape` does, without
    `format_html`'s per-call overhead, which cost more than the counting at 1M statements)."""
    basis = report["scope"]["basis"]
    cells = {(c["first"]["code"], c["second"]["code"]): c for c in report["cells"]}
    codes = [d["code"] for d in report["delegations"]]
    rows, self_cell = [], SELF_CELL.format(label=escape(gettext("same delegation")))
    for row in report["delegations"]:
        parts = []
        for code in codes:
            cell = cells.get((row["code"], code))
            if cell is None:
                parts.append(self_cell)
                continue
            parts.append(
                CELL.format(
                    band=band(cell["value"]), first=escape(row["code"]), second=escape(code),
                    figure=percent(cell["value"]), n=int(cell[basis]["decisions"]),
                )
            )  # fmt: skip
        rows.append((row, mark_safe("".join(parts))))  # every value escaped or a number
    return rows


@register.filter
def alike_lists(report: dict) -> list[tuple[str, list[dict], str]]:
    """The two rankings, each row with the counts of the basis chosen."""
    basis = report["scope"]["basis"]

    def shaped(rows: list[dict]) -> list[dict]:
        return [{**r, "counted": r[basis]} for r in rows]

    return [
        (gettext("Most alike"), shaped(report["most"]), "most-alike"),
        (gettext("Least alike"), shaped(report["least"]), "least-alike"),
    ]


VOTE_WORDS = {
    "in_favour": pgettext_lazy("vote", "in favour"),
    "against": pgettext_lazy("vote", "against"),
    "abstaining": pgettext_lazy("vote", "abstained"),
}
NO_VOTE = gettext_lazy("no vote recorded")
# A vote's basis and a statement's direction as the pages show them (the API and CSV keep the
# codes).
BASIS_WORDS = {
    "recorded": pgettext_lazy("vote basis", "recorded"),
    "inferred": pgettext_lazy("vote basis", "inferred"),
    "consensus": pgettext_lazy("vote basis", "consensus"),
    "votes": pgettext_lazy("vote basis", "votes"),
}
DIRECTION_WORDS = {
    "for": pgettext_lazy("words point", "for"),
    "against": pgettext_lazy("words point", "against"),
}


@register.filter
def vote_words(vote) -> str:
    return str(VOTE_WORDS.get(vote, NO_VOTE)) if vote else str(NO_VOTE)


@register.filter
def basis_word(basis) -> str:
    return str(BASIS_WORDS.get(basis, basis))


@register.filter
def words_word(direction) -> str:
    return str(DIRECTION_WORDS.get(direction, direction))


@register.simple_tag
def options(pairs, chosen) -> str:
    """<option>s for (value, label) pairs, the chosen ones selected: one join, not a template loop
    (the delegation list has some 200 entries), each value escaped as Django's `escape` does."""
    picked = set(chosen if isinstance(chosen, list | tuple | set) else [chosen])
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if value in picked else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in pairs
        )
    )
