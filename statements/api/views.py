"""API endpoints: thin views that read parameters, call a QuerySet, page by cursor, answer JSON."""

from __future__ import annotations

import json
from typing import Any

from django.db.models import FloatField, QuerySet
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse

from statements import search
from statements.api import openapi
from statements.api.cursors import Ordering, decode_cursor, encode_cursor
from statements.api.http import ApiError, absolute, api_view, json_response, page_response
from statements.api.params import apply_params, page_limit, reject_unknown, statement_filter
from statements.api.resources import RESOURCES, Resource, current_speaker
from statements.exports import statement_json
from statements.filters import StatementFilter
from statements.models import (
    Delegation,
    RetiredStatement,
    Statement,
    Theme,
)
from statements.search_index import engine
from statements.search_index.readers import spec_for

STATEMENT_ORDERINGS = {
    "newest": Ordering("newest", ("date", "id"), descending=True),
    "oldest": Ordering("oldest", ("date", "id")),
    "relevance": Ordering("relevance", ("api_rank", "date", "id"), descending=True),
}


@api_view
def api_root(request: HttpRequest) -> HttpResponse:
    """Where everything is: the collections and the OpenAPI description."""
    reject_unknown(request.GET, [])
    links = {
        name: absolute(reverse(f"data:api-{name}-list")) for name in ["statements", *RESOURCES]
    }
    return json_response(
        {
            "name": "UN Statements Archive API",
            "version": openapi.API_VERSION,
            "openapi": absolute(reverse("data:api-openapi")),
            "documentation": absolute(reverse("data:download")) + "#api",
            "collections": links,
        }
    )


@api_view
def openapi_document(request: HttpRequest) -> HttpResponse:
    reject_unknown(request.GET, [])
    return json_response(openapi.document())


# Statements -------------------------------------------------------------------------------------


def ranked(fs: StatementFilter, queryset: QuerySet) -> QuerySet:
    """Annotate the UI's relevance rank as double precision, so a cursor can hold it exactly."""
    return queryset.annotate(api_rank=Cast(search.rank(fs.query.text), FloatField()))


@api_view
def statement_list(request: HttpRequest) -> HttpResponse:
    """Statements matching the UI's search and filters, a page at a time."""
    fs = statement_filter(request.GET)
    limit = page_limit(request.GET)
    ordering = STATEMENT_ORDERINGS[fs.sort_by]
    queryset = ranked(fs, fs.matches) if fs.sort_by == "relevance" else fs.matches
    position = decode_cursor(request.GET.get("cursor"), "statements", ordering)
    if position is not None:
        queryset = queryset.filter(ordering.after(position))
    ordered = queryset.order_by(*ordering.order_by())
    rows = list(statement_json(ordered, *ordering.keys)[: limit + 1])
    data = [json.loads(row[0]) for row in rows[:limit]]
    following = None
    if len(rows) > limit:
        following = encode_cursor("statements", ordering, rows[limit - 1][1:])
    meta = {
        "total": engine.count(spec_for(fs)),
        "limit": limit,
        "sort": fs.sort_by,
        "notes": fs.notes,
    }
    return page_response(request, data=data, next_cursor=following, meta=meta)


@api_view
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    reject_unknown(request.GET, [])
    row = statement_json(Statement.objects.filter(pk=pk)).first()
    if row is not None:
        return json_response({"data": json.loads(row[0])})
    retired = RetiredStatement.objects.filter(statement_id=pk).first()
    if retired is None:
        raise ApiError(404, "not_found", f"There is no statement {pk}.")
    meeting = absolute(reverse("data:api-meetings-detail", args=[retired.meeting_id]))
    message = f"Statement {pk} was removed when its release was re-imported; see its meeting."
    raise ApiError(410, "gone", message, meeting=meeting)


def meeting_statements(meeting_id: int) -> list[dict]:
    """Every statement of a meeting, summaries included, in release order."""
    rows = statement_json(Statement.objects.filter(meeting_id=meeting_id).order_by("sequence"))
    return [json.loads(row[0]) for row in rows]


# Other collections ------------------------------------------------------------------------------


def collection_list(request: HttpRequest, resource: Resource) -> HttpResponse:
    """A page of a collection, filtered by its parameters, after the cursor."""
    queryset = apply_params(resource.queryset(), resource.params, request.GET)
    limit = page_limit(request.GET)
    ordering = resource.ordering
    position = decode_cursor(request.GET.get("cursor"), resource.name, ordering)
    if position is not None:
        queryset = queryset.filter(ordering.after(position))
    items = list(queryset.order_by(*ordering.order_by())[: limit + 1])
    following = None
    if len(items) > limit:
        following = encode_cursor(resource.name, ordering, ordering.values_of(items[limit - 1]))
    data = [resource.record(item) for item in items[:limit]]
    meta = {"limit": limit, "sort": ordering.name}
    return page_response(request, data=data, next_cursor=following, meta=meta)


def list_view(name: str):
    """The list endpoint of a collection."""

    @api_view
    def view(request: HttpRequest) -> HttpResponse:
        return collection_list(request, RESOURCES[name])

    view.__name__ = f"{name}_list"
    return view


def found(resource: Resource, obj: Any, extra: dict | None = None) -> HttpResponse:
    return json_response({"data": {**resource.record(obj), **(extra or {})}})


def not_found(resource: Resource, key: object) -> ApiError:
    return ApiError(404, "not_found", f"There is no {resource.singular} “{str(key)[:60]}”.")


@api_view
def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A speaker; a merged speaker or an old slug redirects permanently to the current one."""
    reject_unknown(request.GET, [])
    resource = RESOURCES["speakers"]
    speaker = resource.queryset().filter(slug=slug).first()
    if speaker:
        return found(resource, speaker)
    target = current_speaker(slug)
    if target is None or target.slug == slug:
        raise not_found(resource, slug)
    return HttpResponsePermanentRedirect(reverse("data:api-speakers-detail", args=[target.slug]))


@api_view
def delegation_detail(request: HttpRequest, code: str) -> HttpResponse:
    reject_unknown(request.GET, [])
    resource = RESOURCES["delegations"]
    delegation = Delegation.objects.filter(code=code.upper()[:40]).first()
    if delegation is None:
        raise not_found(resource, code)
    return found(resource, delegation)


@api_view
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting with every statement of its release, in order."""
    resource, meeting = _one(request, "meetings", pk, pk=pk)
    return found(resource, meeting, {"statements": meeting_statements(meeting.pk)})


@api_view
def release_detail(request: HttpRequest, symbol: str) -> HttpResponse:
    return found(*_one(request, "releases", symbol, symbol__iexact=symbol[:60]))


@api_view
def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource, theme = _one(request, "themes", slug, slug=slug)
    children = Theme.objects.filter(parent=theme).order_by("position", "name")
    return found(resource, theme, {"children": [t.slug for t in children]})


@api_view
def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    message = "No such endpoint. The collections are listed at " + absolute(
        reverse("data:api-root")
    )
    raise ApiError(404, "not_found", message)


def _one(request: HttpRequest, name: str, key, **lookup):
    """The resource and its one row matching lookup, or the API's 404 naming key."""
    reject_unknown(request.GET, [])
    resource = RESOURCES[name]
    row = resource.queryset().filter(**lookup).first()
    if row is None:
        raise not_found(resource, key)
    return resource, row
