"""Pages of the API: strict parameters, keyset cursors, absolute links and the Link header."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from ninja import Schema

from config import public_urls
from statements.publish.api.cursors import Ordering, decode_cursor, encode_cursor
from statements.publish.api.problems import Problem


def reject_unknown(request: HttpRequest, query: type[Schema] | None = None) -> None:
    """400 for any parameter the endpoint does not take (a misspelling should not pass)."""
    allowed = set(query.model_fields) if query else set()
    for name in request.GET:
        if name not in allowed:
            shown = name[:40]
            takes = ", ".join(sorted(allowed)) or "no parameters"
            detail = f"Unknown parameter “{shown}”. This endpoint takes: {takes}."
            raise Problem(400, "unknown_parameter", detail, parameter=shown)


def absolute(path: str, query: QueryDict | None = None) -> str:
    """The public URL of a path and query."""
    return public_urls.absolute_url(path, query)


def after_cursor(queryset: QuerySet, cursor: str | None, resource: str, order: Ordering):
    """The rows after the cursor's position (all rows without one), in the order."""
    position = decode_cursor(cursor, resource, order)
    if position is not None:
        queryset = queryset.filter(order.after(position))
    return queryset.order_by(*order.order_by())


def page(
    request: HttpRequest, response: HttpResponse, *, data: list, next_cursor: str | None, meta: dict
) -> dict[str, Any]:
    """A list page: data, meta and links (self, next), with a Link header for the next page."""
    following = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        following = absolute(request.path, query)
        response["Link"] = f'<{following}>; rel="next"'
    links = {"self": absolute(request.path, request.GET), "next": following}
    return {"data": data, "meta": meta, "links": links}


def next_cursor(rows: list, limit: int, resource: str, order: Ordering, keys) -> str | None:
    """The cursor after the page's last row, when a row follows it."""
    if len(rows) <= limit:
        return None
    return encode_cursor(resource, order, keys(rows[limit - 1]))
