"""The API (v1) on django-ninja: strict query parsing, problem details, the OpenAPI document."""

from __future__ import annotations

from typing import Any

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.parser import Parser

from config import public_urls
from meetings.models import Body
from statements.alignment import api as alignment_api
from statements.harvest import api as coverage_api
from statements.models import Delegation
from statements.publish.api import decisions, problems
from statements.publish.api.endpoints import router
from statements.publish.api.paging import absolute, reject_unknown
from statements.publish.api.problems import PROBLEM_TYPE, Problem
from statements.publish.api.resources import RESOURCES
from statements.search.index.store import IndexUnavailable
from statements.themes.models import Theme

API_VERSION = "1.0.0"
DESCRIPTION = """Read-only JSON over the archive of UN delegate statements.

* **Same search as the site.** `/statements` takes the statements page's query string (q,
  delegation, theme, body, session, kind, speaker, review, language, date_from, date_to, sort)
  and finds the same statements; unlike the page, it answers an unknown parameter or a bad value
  with 400.
* **Each sitting once.** Where the archive holds the English and the French release of one
  meeting, a search without `language` finds and counts its statements once (the English
  version, the sitting's primary version); `language=fr` (or `en`) gives that language's
  statements in full.
* **Cursor pagination.** Follow `links.next` (also sent as a `Link` header) until it is null.
  Cursors are opaque; keep the other parameters unchanged while paging.
* **Errors** are RFC 9457 problem details (`application/problem+json`).
* **Stable names.** A statement has the fields of the CSV and JSON Lines exports; the data
  dictionary is at /data/.
* **Read-only.** GET, HEAD and OPTIONS; anything else is 405. CORS is open, and scripts in other
  origins may read `Link`, `ETag`, `Last-Modified`, `Retry-After` and the `RateLimit` headers.
* **Conditional requests.** Every answer has an `ETag` (and `Last-Modified` when the archive
  knows when its data last changed): send `If-None-Match` (or `If-Modified-Since`) to get
  `304 Not Modified` without a body when nothing changed.
* **Rate limits** per client address; each answer says the quota and what is left of it
  (`RateLimit-Policy: "api";q=120;w=60`, `RateLimit: "api";r=117;t=42`, after
  draft-ietf-httpapi-ratelimit-headers-11); over it, 429 with `Retry-After`.
* For everything at once, download the full dump at /data/ instead of paging.
"""


# Reports computed from required parameters (see the documentation): listed, not browsable.
REPORTS = {
    "alignment_pair": "alignment-pair",
    "alignment_matrix": "alignment-matrix",
    "alignment_alike": "alignment-alike",
    "alignment_side_by_side": "alignment-side-by-side",
    "alignment_words_and_votes": "alignment-words",
}
URI_TOO_LONG = "The HTTP server refuses a request line longer than its limit (a few KB)."


class StrictParser(Parser):
    """Query strings as the schema says: a parameter that takes one value may not come twice."""

    def parse_querydict(self, data, list_fields: list[str], request: HttpRequest) -> dict:
        for key in data:
            if key not in list_fields and len(data.getlist(key)) > 1:
                detail = f"{key[:40]} takes one value; it was given {len(data.getlist(key))}."
                raise Problem(400, "repeated_parameter", detail, parameter=key[:40])
        return super().parse_querydict(data, list_fields, request)


class ArchiveAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> dict:
        """Ninja's document, served from /api/v1, with the vocabularies the database holds."""
        document = super().get_openapi_schema(path_prefix="")
        document["servers"] = [{"url": f"{public_urls.site_url()}/api/v1"}]
        for item in document["paths"].values():
            for operation in item.values():
                _problem_content(operation)
                _http_conventions(operation["responses"])
                operation["responses"]["414"] = {"description": URI_TOO_LONG}
                for parameter in operation.get("parameters", []):
                    _drop_null(parameter)
        _known_values(document["paths"]["/statements"]["get"]["parameters"])
        return document


def _problem_content(operation: dict) -> None:
    """Error responses are problem+json, as answered."""
    for status, response in operation.get("responses", {}).items():
        if int(status) >= 400 and "content" in response:
            response["content"] = {PROBLEM_TYPE: response["content"]["application/json"]}


# Response headers of every operation (statements/publish/conditional.py, config/limits.py).
VALIDATORS = {
    "ETag": "A strong validator of the body: send it back in If-None-Match to get 304.",
    "Last-Modified": "When the archive's data last changed, when known (If-Modified-Since).",
}
QUOTA = {
    "RateLimit-Policy": 'The quota: "api";q=<requests>;w=<seconds> '
    "(draft-ietf-httpapi-ratelimit-headers-11). Sent when rate limits are on.",
    "RateLimit": 'What is left of it: "api";r=<requests left>;t=<seconds until it resets>.',
}
NOT_MODIFIED = "Not Modified: the If-None-Match or If-Modified-Since validator still holds."
TOO_MANY = "Too many requests from this address: wait Retry-After seconds (problem details)."


def _headers(described: dict[str, str]) -> dict:
    return {
        name: {"description": text, "schema": {"type": "string"}}
        for name, text in described.items()
    }


def _http_conventions(responses: dict) -> None:
    """Validators and quota on 200, the 304 they earn, and the 429 of the rate limits."""
    ok = next((response for status, response in responses.items() if str(status) == "200"), None)
    if ok is not None:
        ok["headers"] = _headers(VALIDATORS | QUOTA)
        responses["304"] = {"description": NOT_MODIFIED, "headers": _headers(VALIDATORS | QUOTA)}
    retry = {"Retry-After": "Seconds to wait before asking again."}
    responses["429"] = {"description": TOO_MANY, "headers": _headers(retry | QUOTA)}


def _drop_null(parameter: dict) -> None:
    """An absent parameter is how a query says "none": it has no null value to send."""
    options = parameter["schema"].pop("anyOf", None)
    if options:
        (schema,) = [option for option in options if option != {"type": "null"}]
        parameter["schema"] |= schema


# The values the statement list accepts for a parameter that names rows (others are a 400).
VOCABULARIES = {
    "delegation": lambda: Delegation.objects.order_by("code").values_list("code", flat=True),
    "theme": lambda: Theme.objects.order_by("slug").values_list("slug", flat=True),
    "body": lambda: Body.objects.order_by("slug").values_list("slug", flat=True),
}


def _known_values(parameters: list[dict]) -> None:
    for parameter in parameters:
        if parameter["name"] in VOCABULARIES:
            items = parameter["schema"]["items"]
            items["enum"] = list(VOCABULARIES[parameter["name"]]())


api = ArchiveAPI(
    title="UN Statements Archive API",
    version=API_VERSION,
    description=DESCRIPTION,
    urls_namespace="data",
    docs_url=None,
    openapi_url=None,
    parser=StrictParser(),
)
api.add_exception_handler(Problem, problems.on_problem)
api.add_exception_handler(Http404, problems.on_not_found)
api.add_exception_handler(ValidationError, problems.on_validation_error)
api.add_exception_handler(OperationalError, problems.on_database_down)
api.add_exception_handler(InterfaceError, problems.on_database_down)
api.add_exception_handler(IndexUnavailable, problems.on_index_unavailable)


@api.get("", url_name="api-root", operation_id="getRoot", response=dict[str, Any],
         summary="Links to the collections and to this description")  # fmt: skip
def api_root(request: HttpRequest) -> dict:
    reject_unknown(request)
    names = ["statements", *RESOURCES, "decisions"]
    collections = {name: absolute(reverse(f"data:api-{name}-list")) for name in names}
    return {
        "name": "UN Statements Archive API",
        "version": API_VERSION,
        "openapi": absolute(reverse("data:api-openapi")),
        "documentation": absolute(reverse("data-pages:api-docs")),
        "data": absolute(reverse("data-pages:download")),
        "collections": collections | {"coverage": absolute(reverse("data:api-coverage"))},
        "reports": {
            name: absolute(reverse(f"data:api-{route}")) for name, route in REPORTS.items()
        },
    }


@api.get("openapi.json", url_name="api-openapi", include_in_schema=False)
def openapi_document(request: HttpRequest) -> dict:
    reject_unknown(request)
    return api.get_openapi_schema()


api.add_router("", router)
api.add_router("", decisions.router)
api.add_router("", coverage_api.router)
api.add_router("", alignment_api.router)


def not_found(request: HttpRequest, rest: str = ""):
    """Any other path under /api/: a problem document pointing at the root."""
    detail = "No such endpoint. The collections are listed at " + absolute(reverse("data:api-root"))
    return problems.problem_response(Problem(404, "not_found", detail))
