"""The OpenAPI 3.1 description of the API, built from the definitions the views use."""

from __future__ import annotations

from functools import cache

from django_filters import ChoiceFilter

from config.public_urls import site_url
from statements.api.params import DEFAULT_LIMIT, MAX_LIMIT, Param
from statements.api.resources import RESOURCES, Resource
from statements.exports import STATEMENT_FIELDS, Field
from statements.filters import PartialDateFilter, QueryFilter, StatementFilter
from statements.models import Statement

API_VERSION = "1.0.0"
DATE_PATTERN = r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"
TYPE_SCHEMAS = {
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    "url": {"type": "string", "format": "uri"},
}
# The statement filters are the research UI's (StatementFilter); this says what each means.
STATEMENT_PARAMETERS = {
    "q": 'Full-text search, as on the site: words are stemmed (English); "exact phrase", '
    "OR, and -word to exclude. Speaker and delegation names weigh more than the text.",
    "delegation": "Delegation code (ISO 3166-1 alpha-3 for States: NOR, BRA; EU, G77 ...). "
    "Repeat for several: any of them.",
    "theme": "Theme slug (see /themes); a pillar includes its themes. Repeat for several: any.",
    "body": "UN body slug, e.g. general-assembly, security-council. Repeat for several: any.",
    "session": "Session number. Repeat for several: any.",
    "kind": "Statement kind. Repeat for several: any. Without it, lead-paragraph summaries "
    "are left out, as on the site.",
    "speaker": "Speaker slug (see /speakers); includes speakers merged into that one. Repeat "
    "for several: any.",
    "date_from": "On or after this year, month or day: 2021, 2021-11 or 2021-11-23.",
    "date_to": "On or before this year, month or day (a year or month counts to its end).",
    "sort": "relevance (the default with q), newest (the default without) or oldest.",
}
ERROR_RESPONSES = {
    "400": "A parameter is unknown or has a value that cannot be read.",
    "404": "Not found.",
}


def field_schema(field: Field) -> dict:
    """The JSON Schema of a field (OpenAPI 3.1: null is a type)."""
    schema: dict = dict(TYPE_SCHEMAS[field.type])
    if field.many:
        schema = {"type": "array", "items": schema}
    if field.nullable:
        schema["type"] = [schema["type"], "null"]
    return {**schema, "description": field.description}


def object_schema(fields: tuple[Field, ...], description: str, **extra: dict) -> dict:
    properties = {f.name: field_schema(f) for f in fields} | extra
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def statement_parameters() -> list[dict]:
    """The query parameters of the statement list: the UI's filters, then paging."""
    params = [
        {
            "name": name,
            "in": "query",
            "description": STATEMENT_PARAMETERS.get(name, f.label or name),
            "schema": _filter_schema(name, f),
            **({"style": "form", "explode": True} if _is_list(f) else {}),
        }
        for name, f in StatementFilter.base_filters.items()
    ]
    return [*params, *_paging_parameters()]


def _is_list(f) -> bool:
    return not isinstance(f, QueryFilter | PartialDateFilter | ChoiceFilter)


def _filter_schema(name: str, f) -> dict:
    if isinstance(f, QueryFilter):
        return {"type": "string", "maxLength": f.extra.get("max_length", 20_000)}
    if isinstance(f, PartialDateFilter):
        return {"type": "string", "pattern": DATE_PATTERN}
    if isinstance(f, ChoiceFilter):
        return {"type": "string", "enum": [value for value, _ in f.extra["choices"]]}
    if name == "kind":
        return {"type": "array", "items": {"type": "string", "enum": list(Statement.Kind.values)}}
    if name == "session":
        return {"type": "array", "items": {"type": "integer", "minimum": 0}}
    return {"type": "array", "items": {"type": "string"}}


def _paging_parameters() -> list[dict]:
    return [
        {
            "name": "cursor",
            "in": "query",
            "description": "Opaque cursor from links.next of the previous page.",
            "schema": {"type": "string"},
        },
        {
            "name": "limit",
            "in": "query",
            "description": f"Items a page (default {DEFAULT_LIMIT}).",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        },
    ]


def _param(param: Param) -> dict:
    schema = {"type": "array", "items": param.schema} if param.many else param.schema
    extra = {"style": "form", "explode": True} if param.many else {}
    return {
        "name": param.name,
        "in": "query",
        "description": param.description,
        "schema": schema,
        **extra,
    }


def _responses(schema: dict, description: str, *codes: str) -> dict:
    responses = {"200": {"description": description, "content": _json(schema)}}
    for code in codes:
        text = ERROR_RESPONSES.get(code, "Gone: removed when its release was re-imported.")
        responses[code] = {"description": text, "content": _json(_ref("Error"))}
    return responses


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _list_schema(item: str, meta: str) -> dict:
    return {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": _ref(item)},
            "meta": _ref(meta),
            "links": _ref("Links"),
        },
        "required": ["data", "meta", "links"],
    }


def _detail_schema(item: dict) -> dict:
    return {"type": "object", "properties": {"data": item}, "required": ["data"]}


def statement_paths() -> dict:
    key = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
    return {
        "/statements": {
            "get": {
                "operationId": "listStatements",
                "summary": "Statements matching a search, as on the site",
                "tags": ["statements"],
                "parameters": statement_parameters(),
                "responses": _responses(
                    _list_schema("Statement", "StatementListMeta"), "A page of statements.", "400"
                ),
            }
        },
        "/statements/{id}": {
            "get": {
                "operationId": "getStatement",
                "summary": "One statement",
                "tags": ["statements"],
                "parameters": [key],
                "responses": _responses(
                    _detail_schema(_ref("Statement")), "The statement.", "404", "410"
                ),
            }
        },
    }


def resource_paths(resource: Resource) -> dict:
    title = resource.name.title()
    singular = resource.singular.title()
    key_type = "integer" if resource.key == "id" else "string"
    key = {"name": resource.key, "in": "path", "required": True, "schema": {"type": key_type}}
    detail = _detail_schema(_ref(_detail_name(resource)))
    return {
        f"/{resource.name}": {
            "get": {
                "operationId": f"list{title}",
                "summary": resource.description,
                "tags": [resource.name],
                "parameters": [*map(_param, resource.params), *_paging_parameters()],
                "responses": _responses(
                    _list_schema(singular, "ListMeta"), f"A page of {resource.name}.", "400"
                ),
            }
        },
        f"/{resource.name}/{{{resource.key}}}": {
            "get": {
                "operationId": f"get{singular}",
                "summary": f"One {resource.singular}",
                "tags": [resource.name],
                "parameters": [key],
                "responses": _responses(detail, f"The {resource.singular}.", "404"),
            }
        },
    }


def _detail_name(resource: Resource) -> str:
    """Meeting and Theme details carry more than their list items."""
    name = resource.singular.title()
    return f"{name}Detail" if resource.name in DETAIL_EXTRAS else name


DETAIL_EXTRAS = {
    "meetings": {
        "statements": {
            "type": "array",
            "items": _ref("Statement"),
            "description": "Every statement of the release, summaries included, in order.",
        }
    },
    "themes": {
        "children": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Slugs of the themes under this pillar.",
        }
    },
}


def schemas() -> dict:
    found = {"Statement": object_schema(STATEMENT_FIELDS, "A statement: one export row.")}
    for resource in RESOURCES.values():
        name = resource.singular.title()
        found[name] = object_schema(resource.fields, resource.description)
        if resource.name in DETAIL_EXTRAS:
            found[f"{name}Detail"] = {
                "allOf": [
                    _ref(name),
                    {"type": "object", "properties": DETAIL_EXTRAS[resource.name]},
                ]
            }
    return found | _envelope_schemas()


def _envelope_schemas() -> dict:
    nullable_url = {"type": ["string", "null"], "format": "uri"}
    meta = {
        "limit": {"type": "integer"},
        "sort": {"type": "string", "description": "The order of the list."},
    }
    statement_meta = meta | {
        "total": {"type": "integer", "description": "Statements matching, on all pages."},
        "notes": {
            "type": "array",
            "items": {"type": "string"},
            "description": "What was corrected in the search (a quote closed, a long query cut).",
        },
    }
    error = {
        "status": {"type": "integer"},
        "code": {"type": "string"},
        "message": {"type": "string"},
        "parameter": {"type": "string"},
    }
    return {
        "Links": _object({"self": {"type": "string", "format": "uri"}, "next": nullable_url}),
        "ListMeta": _object(meta),
        "StatementListMeta": _object(statement_meta),
        "Error": _object({"error": _object(error, required=["status", "code", "message"])}),
    }


def _object(properties: dict, *, required: list[str] | None = None) -> dict:
    required = list(properties) if required is None else required
    return {"type": "object", "properties": properties, "required": required}


DESCRIPTION = """Read-only JSON over the archive of UN delegate statements.

* **Same search as the site.** `/statements` takes the statements page's query string (q,
  delegation, theme, body, session, kind, speaker, date_from, date_to, sort) and finds the same
  statements; unlike the page, it answers an unknown parameter or a bad value with 400.
* **Cursor pagination.** Follow `links.next` (also sent as a `Link` header) until it is null.
  Cursors are opaque; keep the other parameters unchanged while paging.
* **Stable names.** A statement has the fields of the CSV and JSON Lines exports; the data
  dictionary is at /data/.
* **Read-only.** GET, HEAD and OPTIONS; anything else is 405. CORS is open
  (`Access-Control-Allow-Origin: *`).
* For everything at once, download the full dump at /data/ instead of paging.
"""


@cache
def _document(site_url: str) -> dict:
    paths = {"/": _root_path(), **statement_paths()}
    for resource in RESOURCES.values():
        paths.update(resource_paths(resource))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "UN Statements Archive API",
            "version": API_VERSION,
            "description": DESCRIPTION,
        },
        "servers": [{"url": f"{site_url}/api/v1"}],
        "tags": [{"name": "statements"}, *({"name": name} for name in RESOURCES)],
        "paths": paths,
        "components": {"schemas": schemas()},
    }


def _root_path() -> dict:
    return {
        "get": {
            "operationId": "getRoot",
            "summary": "Links to the collections and to this description",
            "responses": {"200": {"description": "Links.", "content": _json({"type": "object"})}},
        }
    }


def document() -> dict:
    """The OpenAPI document for this site (built once per public address)."""
    return _document(site_url())
