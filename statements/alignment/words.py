"""Words and votes for one delegation: the decisions it explained its vote on, and candidates
where its statement at a meeting and its vote on that meeting's decision point different ways."""

from __future__ import annotations

from collections import defaultdict

from django.urls import reverse

from statements.alignment import params, stance
from statements.alignment.positions import _decision_url, _excerpt, _subject
from statements.alignment.votes import vote_rows
from statements.decisions.models import VoteExplanation
from statements.models import Statement

MAX_ROWS = 500


def words_and_votes(query) -> dict:
    chosen = params.scope(query)
    (delegation,) = params.delegations(query.getlist("delegation"), least=1, most=1)
    decisions = params.decisions_in(chosen)
    votes = {
        v["decision_id"]: v
        for v in vote_rows(decisions)
        .filter(delegation=delegation)
        .values(
            "decision_id", "vote", "vote_basis", "decision__meeting_id", "decision__sequence",
            "decision__date", "decision__subject_symbols", "decision__subject_title",
            "decision__subject_kind",
        )
    }  # fmt: skip
    explained = []
    links = (
        VoteExplanation.objects.filter(statement__delegation=delegation, decision__in=decisions)
        .exclude(statement__kind="summary")
        .order_by("-decision__date", "decision_id", "statement__sequence")
        .values("decision_id", "statement_id", "statement__text",
                "statement__meeting__release__language", "decision__meeting_id",
                "decision__sequence", "decision__date", "decision__subject_symbols",
                "decision__subject_title", "decision__subject_kind")[:MAX_ROWS]
    )  # fmt: skip
    for link in links:
        vote = votes.get(link["decision_id"])
        explained.append(
            {
                **_decision(link),
                "vote": vote["vote"] if vote else None,
                "basis": vote["vote_basis"] if vote else None,
                "statement": _statement(
                    link["statement_id"],
                    link["statement__text"],
                    link["statement__meeting__release__language"],
                ),
            }
        )
    by_meeting = defaultdict(list)
    for vote in votes.values():
        by_meeting[vote["decision__meeting_id"]].append(vote)
    statements = (
        Statement.objects.full()
        .filter(delegation=delegation, meeting_id__in=list(by_meeting))
        .order_by("-date", "meeting_id", "sequence")
        .values("id", "meeting_id", "text", "meeting__release__language")
    )
    candidates = []
    for row in statements:
        read = stance.read(row["text"])
        for vote in by_meeting[row["meeting_id"]]:
            if stance.differs(read, vote["vote"], vote["vote_basis"]):
                candidates.append(
                    {
                        **_decision(vote),
                        "vote": vote["vote"],
                        "basis": vote["vote_basis"],
                        "words": read.direction,
                        "cues": list(read.cues),
                        "statement": _statement(
                            row["id"], row["text"], row["meeting__release__language"]
                        ),
                    }
                )
    return {
        "scope": params.scope_words(chosen),
        "delegation": {"code": delegation.code, "name": delegation.name, "slug": delegation.slug},
        "votes_counted": len(votes),
        "explained": explained,
        "candidates": candidates[:MAX_ROWS],
    }


def _decision(row: dict) -> dict:
    return {
        "decision_id": row["decision_id"],
        "date": row["decision__date"].isoformat(),
        "subject": _subject(
            row["decision__subject_symbols"],
            row["decision__subject_title"],
            row["decision__subject_kind"],
        ),
        "decision_url": _decision_url(row["decision__meeting_id"], row["decision__sequence"]),
    }


def _statement(pk: int, text: str, language: str) -> dict:
    return {
        "id": pk,
        "url": reverse("statements:statement-detail", args=[pk]),
        "excerpt": _excerpt(text),
        "language": language,
    }


CSV_FIELDS = [
    "list", "decision_id", "date", "subject", "vote", "basis", "words", "cues", "statement_id",
    "statement_url",
]  # fmt: skip


def csv_rows(report: dict) -> list[dict]:
    rows = []
    for name in ("explained", "candidates"):
        for r in report[name]:
            rows.append(
                {
                    "list": name,
                    "decision_id": r["decision_id"],
                    "date": r["date"],
                    "subject": r["subject"],
                    "vote": r["vote"] or "",
                    "basis": r["basis"] or "",
                    "words": r.get("words") or "",
                    "cues": "; ".join(r.get("cues", [])),
                    "statement_id": r["statement"]["id"],
                    "statement_url": r["statement"]["url"],
                }
            )
    return rows
