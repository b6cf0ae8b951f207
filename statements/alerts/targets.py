"""What a subscription follows, as the statements page's query string, and what is new there."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import QuerySet
from django.http import QueryDict

from statements.models import Statement
from statements.search.filters import StatementFilter
from statements.search.index import engine


def query_string(kind: str, value: str) -> str:
    """The statements page's query for a kind and its value (a code, a slug or search words)."""
    query = QueryDict(mutable=True)
    query["q" if kind == "search" else kind] = value
    return query.urlencode()


def new_statements(subscription) -> QuerySet:
    """Statements matching the subscription added since it last looked, oldest first."""
    spec = StatementFilter(QueryDict(subscription.query)).spec()  # what the statements page finds
    # Only ids past the last digest leave the engine: a broad subscription costs what is new.
    spec = replace(spec, scope={**spec.scope, "after_id": subscription.seen_statement_id})
    return Statement.objects.filter(pk__in=engine.all_ids(spec)).order_by("id")


def newest_id() -> int:
    last = Statement.objects.order_by("-id").values_list("id", flat=True).first()
    return last or 0
