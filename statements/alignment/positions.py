"""Positions side by side: two to four delegations' statements on a theme or a query, year by
year, each with its votes on the decisions of the same meeting and its explanations of vote."""

from __future__ import annotations

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from statements.alignment import params
from statements.alignment.votes import vote_rows
from statements.decisions.models import Decision, VoteExplanation
from statements.models import Statement
from statements.search.index import engine
from statements.search.index.query import SearchSpec
from statements.themes.models import Theme

MAX_STATEMENTS = 2000
EXCERPT_WORDS = 45


def _excerpt(text: str) -> str:
    words = text.split()
    return " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")


# A decision without symbol or title is named by its kind (the parser's kinds), in the active
# language: English for the API and the CSV, whose addresses have no language prefix (the
# underscore of "draft_resolution" is no longer printed).
SUBJECT_KINDS = {
    "amendment": gettext_lazy("the amendment"),
    "paragraph": gettext_lazy("the paragraph"),
    "draft_decision": gettext_lazy("the draft decision"),
    "draft_resolution": gettext_lazy("the draft resolution"),
    "resolution": gettext_lazy("the resolution"),
    "decision": gettext_lazy("the decision"),
    "declaration": gettext_lazy("the declaration"),
    "report": gettext_lazy("the report"),
    "agenda": gettext_lazy("the agenda"),
    "motion": gettext_lazy("the motion"),
}


def _subject(symbols: list[str], title: str, kind: str) -> str:
    if symbols or title:
        return ", ".join(symbols) if symbols else title
    if kind in SUBJECT_KINDS:
        return str(SUBJECT_KINDS[kind])
    return f"the {kind}" if kind else gettext("the text")


def _decision_url(meeting_id: int, sequence: int) -> str:
    return reverse("statements:meeting-detail", args=[meeting_id]) + f"#decision-{sequence}"


def side_by_side(query) -> dict:
    chosen = params.scope(query)
    found = params.delegations(query.getlist("delegation"), least=2, most=4)
    words = (query.get("q") or "").strip()[:300]
    theme_slug = (query.get("theme") or "").strip()
    if not words and not theme_slug:
        raise params.BadRequest(
            gettext("Give a theme or a query (q) to compare on."), parameter="q"
        )
    statements = Statement.objects.full().filter(delegation__in=found)
    if chosen.get("theme"):
        statements = statements.with_theme([chosen["theme"].id])
    if words:  # the words through the search engine, as on the statements page
        spec = SearchSpec(text=words, delegations=tuple(d.code for d in found))
        statements = statements.filter(pk__in=engine.all_ids(spec))
    statements = params.in_body_and_years(statements, chosen)
    rows = list(
        statements.order_by("-date", "meeting_id", "sequence").values(
            "id", "delegation_id", "meeting_id", "date", "text", "meeting__release__language",
            "meeting__title", "meeting__body__name",
        )[: MAX_STATEMENTS + 1]
    )  # fmt: skip
    truncated = len(rows) > MAX_STATEMENTS
    rows = rows[:MAX_STATEMENTS]
    votes = _votes_at(found, {r["meeting_id"] for r in rows})
    explains = _explanations({r["id"] for r in rows})
    codes = {d.id: d.code for d in found}
    years: dict[int, dict[str, list]] = defaultdict(lambda: {d.code: [] for d in found})
    for row in rows:
        key = (row["meeting_id"], row["delegation_id"])
        years[row["date"].year][codes[row["delegation_id"]]].append(
            {
                "id": row["id"],
                "url": reverse("statements:statement-detail", args=[row["id"]]),
                "date": row["date"].isoformat(),
                "body": row["meeting__body__name"],
                "meeting": {
                    "id": row["meeting_id"],
                    "title": row["meeting__title"],
                    "url": reverse("statements:meeting-detail", args=[row["meeting_id"]]),
                },
                "excerpt": _excerpt(row["text"]),
                "language": row["meeting__release__language"],
                "votes": votes.get(key, []),
                "explains": explains.get(row["id"], []),
            }
        )
    theme = chosen.get("theme")
    return {
        "delegations": [{"code": d.code, "name": d.name, "slug": d.slug} for d in found],
        "q": words or None,
        "theme": {"slug": theme.slug, "name": theme.name} if isinstance(theme, Theme) else None,
        "statements": len(rows),
        "truncated": truncated,
        "years": [
            {
                "year": year,
                "columns": [{"code": d.code, "statements": cells[d.code]} for d in found],
            }
            for year, cells in sorted(years.items(), reverse=True)
        ],
    }


def _votes_at(found, meeting_ids: set[int]) -> dict[tuple[int, int], list[dict]]:
    """Each delegation's votes on the decisions of those meetings, by (meeting, delegation)."""
    decisions = Decision.objects.filter(meeting_id__in=meeting_ids)
    chosen = vote_rows(decisions).filter(delegation__in=found).order_by("decision__sequence")
    out: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for v in chosen.values(
        "decision_id", "decision__meeting_id", "decision__sequence", "decision__subject_symbols",
        "decision__subject_title", "decision__subject_kind", "delegation_id", "vote", "vote_basis",
    ):  # fmt: skip
        out[(v["decision__meeting_id"], v["delegation_id"])].append(
            {
                "decision_id": v["decision_id"],
                "subject": _subject(
                    v["decision__subject_symbols"],
                    v["decision__subject_title"],
                    v["decision__subject_kind"],
                ),
                "url": _decision_url(v["decision__meeting_id"], v["decision__sequence"]),
                "vote": v["vote"],
                "basis": v["vote_basis"],
            }
        )
    return out


def _explanations(statement_ids: set[int]) -> dict[int, list[dict]]:
    """The decisions each statement explains a vote on."""
    out: dict[int, list[dict]] = defaultdict(list)
    links = VoteExplanation.objects.filter(statement_id__in=statement_ids).values(
        "statement_id", "decision_id", "decision__meeting_id", "decision__sequence",
        "decision__subject_symbols", "decision__subject_title", "decision__subject_kind",
    )  # fmt: skip
    for link in links:
        out[link["statement_id"]].append(
            {
                "decision_id": link["decision_id"],
                "subject": _subject(
                    link["decision__subject_symbols"],
                    link["decision__subject_title"],
                    link["decision__subject_kind"],
                ),
                "url": _decision_url(link["decision__meeting_id"], link["decision__sequence"]),
            }
        )
    return out


CSV_FIELDS = [
    "year", "delegation_code", "statement_id", "date", "body", "meeting_id", "statement_url",
    "excerpt", "votes_at_meeting", "explains_vote_on",
]  # fmt: skip


def csv_rows(report: dict) -> list[dict]:
    rows = []
    for year in report["years"]:
        for column in year["columns"]:
            for s in column["statements"]:
                rows.append(
                    {
                        "year": year["year"],
                        "delegation_code": column["code"],
                        "statement_id": s["id"],
                        "date": s["date"],
                        "body": s["body"],
                        "meeting_id": s["meeting"]["id"],
                        "statement_url": s["url"],
                        "excerpt": s["excerpt"],
                        "votes_at_meeting": "; ".join(
                            f"{v['subject']}: {v['vote']} ({v['basis']})" for v in s["votes"]
                        ),
                        "explains_vote_on": "; ".join(e["subject"] for e in s["explains"]),
                    }
                )
    return rows
