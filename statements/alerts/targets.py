"""What a subscription follows, as the statements page's query string, and what is new there."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import QueryDict

from statements.models import Statement
from statements.search.filters import StatementFilter


def query_string(kind: str, value: str) -> str:
    """The statements page's query for a kind and its value (a code, a slug or search words)."""
    query = QueryDict(mutable=True)
    query["q" if kind == "search" else kind] = value
    return query.urlencode()


def new_statements(subscription) -> QuerySet:
    """Statements matching the subscription added since it last looked, oldest first."""
    found = StatementFilter(QueryDict(subscription.query)).matches
    return found.filter(id__gt=subscription.seen_statement_id).order_by("id")


def newest_id() -> int:
    last = Statement.objects.order_by("-id").values_list("id", flat=True).first()
    return last or 0
