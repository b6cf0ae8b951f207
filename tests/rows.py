"""Count the archive's rows, so a test can say what an action wrote (or that it wrote nothing)."""

from __future__ import annotations

from meetings.models import Ingestion, Meeting, Release
from statements.models import DelegationAlias, RetiredStatement, Speaker, SpeakerAlias, Statement

MODELS = (
    Release,
    Meeting,
    Statement,
    Speaker,
    SpeakerAlias,
    DelegationAlias,
    RetiredStatement,
    Ingestion,
)


def row_counts() -> dict[str, int]:
    """Rows per model, by model name."""
    return {model.__name__: model.objects.count() for model in MODELS}


def changed_rows(before: dict[str, int]) -> dict[str, int]:
    """The models whose row count moved since before, with the difference."""
    after = row_counts()
    return {name: after[name] - n for name, n in before.items() if after[name] != n}
