"""API endpoints: thin views that check parameters, call a QuerySet, page by cursor."""

import json
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from ninja import Path, Query, Router

from statements.models import Delegation, RetiredStatement, Statement
from statements.publish.api import engine_pages, schemas
from statements.publish.api.paging import absolute, after_cursor, next_cursor, page, reject_unknown
from statements.publish.api.problems import Problem
from statements.publish.api.resources import RESOURCES, Resource, current_speaker
from statements.publish.api.schemas import ProblemOut
from statements.publish.exports.expressions import statement_json
from statements.search.filters import KNOWN_VALUES, StatementFilter
from statements.search.index import engine
from statements.themes.models import Theme

router = Router()
ERRORS: dict[int, Any] = {400: ProblemOut}
MISSING: dict[int, Any] = {400: ProblemOut, 404: ProblemOut}
# A press release symbol: GA/12388, GA/SHC/4264, SC/12284, a revision or a joint symbol.
SYMBOL_PATTERN = r"^[A-Za-z][A-Za-z0-9./ –-]{0,59}$"


# Statements -------------------------------------------------------------------------------------


def statement_filter(request: HttpRequest) -> StatementFilter:
    """The UI's StatementFilter over the query; 400 for a value it cannot read or that names
    nothing (the page forgives both; a program should learn of them)."""
    reject_unknown(request, schemas.StatementQuery)
    fs = StatementFilter(request.GET)
    for name, errors in fs.form.errors.items():
        raise Problem(400, "invalid_parameter", f"{name}: {errors[0]}", parameter=name)
    for found in fs.problems:  # the page's notes: one definition of what is usable
        code = "unknown_value" if found.param in KNOWN_VALUES else "invalid_parameter"
        detail = f"{found.param}={found.value}: {found.reason}."
        raise Problem(400, code, detail, parameter=found.param)
    return fs


@router.get(
    "statements",
    response={200: schemas.StatementPage, **ERRORS},
    url_name="api-statements-list",
    operation_id="listStatements",
    summary="Statements matching a search, as on the site",
    tags=["statements"],
)
def statement_list(
    request: HttpRequest, response: HttpResponse, params: Query[schemas.StatementQuery]
) -> dict:
    fs = statement_filter(request)
    data, following = engine_pages.statement_page(fs, params.cursor, params.limit)
    meta = {"total": engine.count(fs.spec()), "limit": params.limit, "sort": fs.sort_by}
    return page(
        request, response, data=data, next_cursor=following, meta=meta | {"notes": fs.notes}
    )


@router.get(
    "statements/{int:pk}",
    response={200: schemas.StatementOne, 410: ProblemOut, **MISSING},
    url_name="api-statements-detail",
    operation_id="getStatement",
    summary="One statement",
    tags=["statements"],
)
def statement_detail(request: HttpRequest, pk: int) -> dict:
    reject_unknown(request)
    row = statement_json(Statement.objects.filter(pk=pk)).first()
    if row is not None:
        return {"data": json.loads(row[0])}
    retired = RetiredStatement.objects.filter(statement_id=pk).first()
    if retired is None:
        raise Problem(404, "not_found", f"There is no statement {pk}.")
    meeting = absolute(reverse("data:api-meetings-detail", args=[retired.meeting_id]))
    detail = f"Statement {pk} was removed when its release was re-imported; see its meeting."
    raise Problem(410, "gone", detail, meeting=meeting)


def meeting_statements(meeting_id: int) -> list[dict]:
    """Every statement of a meeting, summaries included, in release order."""
    rows = statement_json(Statement.objects.filter(meeting_id=meeting_id).order_by("sequence"))
    return [json.loads(row[0]) for row in rows]


# Other collections ------------------------------------------------------------------------------


def filter_speakers(queryset: QuerySet, p: schemas.SpeakerQuery) -> QuerySet:
    return queryset.filter(name__icontains=p.q) if p.q else queryset


def filter_delegations(queryset: QuerySet, p: schemas.DelegationQuery) -> QuerySet:
    queryset = queryset.filter(kind__in=p.kind) if p.kind else queryset
    return queryset.filter(region__in=p.region) if p.region else queryset


def filter_dated(queryset: QuerySet, p: schemas.DatedQuery) -> QuerySet:
    """date_from and date_to read as the statement filter reads them."""
    fields = StatementFilter.base_filters
    if p.date_from:
        queryset = queryset.filter(date__gte=fields["date_from"].field.clean(p.date_from))
    if p.date_to:
        queryset = queryset.filter(date__lte=fields["date_to"].field.clean(p.date_to))
    return queryset


def filter_meetings(queryset: QuerySet, p: schemas.MeetingQuery) -> QuerySet:
    queryset = queryset.filter(body__slug__in=p.body) if p.body else queryset
    queryset = queryset.filter(session__in=p.session) if p.session else queryset
    return filter_dated(queryset, p)


def filter_themes(queryset: QuerySet, p: schemas.ThemeQuery) -> QuerySet:
    return queryset.filter(parent__slug__in=p.parent) if p.parent else queryset


def collection_page(request, response, name: str, params, filter_rows) -> dict:
    """A page of a collection, filtered by its parameters, after the cursor."""
    reject_unknown(request, type(params))
    resource = RESOURCES[name]
    order = resource.ordering
    queryset = after_cursor(filter_rows(resource.queryset(), params), params.cursor, name, order)
    items = list(queryset[: params.limit + 1])
    following = next_cursor(items, params.limit, name, order, order.values_of)
    data = [resource.record(item) for item in items[: params.limit]]
    meta = {"limit": params.limit, "sort": order.name}
    return page(request, response, data=data, next_cursor=following, meta=meta)


def list_operation(name: str, query: type, filter_rows) -> None:
    """Register the list endpoint of a collection."""
    resource = RESOURCES[name]

    def view(request: HttpRequest, response: HttpResponse, params: Query[query]) -> dict:  # type: ignore[valid-type]
        return collection_page(request, response, name, params, filter_rows)

    view.__name__ = f"{name}_list"
    router.get(
        name,
        response={200: schemas.PAGES[name], **ERRORS},
        url_name=f"api-{name}-list",
        operation_id=f"list{name.title()}",
        summary=resource.description,
        tags=[name],
    )(view)


list_operation("speakers", schemas.SpeakerQuery, filter_speakers)
list_operation("delegations", schemas.DelegationQuery, filter_delegations)
list_operation("meetings", schemas.MeetingQuery, filter_meetings)
list_operation("releases", schemas.DatedQuery, filter_dated)
list_operation("themes", schemas.ThemeQuery, filter_themes)


def detail(name: str, path: str):
    """The decorator registering the detail endpoint of a collection."""
    singular = RESOURCES[name].singular
    return router.get(
        path,
        response={200: schemas.ONES[name], 301: None, **MISSING},
        url_name=f"api-{name}-detail",
        operation_id=f"get{singular.title()}",
        summary=f"One {singular}",
        tags=[name],
    )


def found(resource: Resource, obj: Any, extra: dict | None = None) -> dict:
    return {"data": {**resource.record(obj), **(extra or {})}}


def one(request: HttpRequest, name: str, key: object, **lookup) -> tuple[Resource, Any]:
    """The resource and its one row matching lookup, or the API's 404 naming key."""
    reject_unknown(request)
    resource = RESOURCES[name]
    row = resource.queryset().filter(**lookup).first()
    if row is None:
        raise Problem(404, "not_found", f"There is no {resource.singular} “{str(key)[:60]}”.")
    return resource, row


@detail("speakers", "speakers/{slug:slug}")
def speaker_detail(request: HttpRequest, slug: str):
    """A speaker; a merged speaker or an old slug redirects permanently to the current one."""
    reject_unknown(request)
    target = current_speaker(slug)
    if target is not None and target.slug != slug:
        return HttpResponsePermanentRedirect(
            reverse("data:api-speakers-detail", args=[target.slug])
        )
    return found(*one(request, "speakers", slug, slug=slug))


@detail("delegations", "delegations/{code}")
def delegation_detail(request: HttpRequest, code: str) -> dict:
    reject_unknown(request)
    delegation = Delegation.objects.filter(code=code.upper()[:40]).first()
    if delegation is None:
        raise Problem(404, "not_found", f"There is no delegation “{code[:60]}”.")
    return found(RESOURCES["delegations"], delegation)


@detail("meetings", "meetings/{int:pk}")
def meeting_detail(request: HttpRequest, pk: int) -> dict:
    """A meeting with every statement of its release, in order."""
    resource, meeting = one(request, "meetings", pk, pk=pk)
    return found(resource, meeting, {"statements": meeting_statements(meeting.pk)})


@detail("releases", "releases/{path:symbol}")
def release_detail(request: HttpRequest, symbol: str = Path(..., pattern=SYMBOL_PATTERN)) -> dict:
    return found(*one(request, "releases", symbol, symbol__iexact=symbol[:60]))


@detail("themes", "themes/{slug:slug}")
def theme_detail(request: HttpRequest, slug: str) -> dict:
    resource, theme = one(request, "themes", slug, slug=slug)
    children = Theme.objects.filter(parent=theme).order_by("position", "name")
    return found(resource, theme, {"children": [t.slug for t in children]})
