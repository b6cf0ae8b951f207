"""HTTP for the API: read-only methods, open CORS, JSON errors, absolute links."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.views.decorators.csrf import csrf_exempt

from config import public_urls
from statements.exports import json_default

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ", ".join(SAFE_METHODS),
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type, If-None-Match",
    "Access-Control-Expose-Headers": "Link",
    "Access-Control-Max-Age": "86400",
}
JSON_TYPE = "application/json"


class ApiError(Exception):
    """A request the API refuses, answered as a JSON error with that status."""

    def __init__(
        self, status: int, code: str, message: str, *, parameter: str | None = None, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.parameter, self.extra = parameter, extra

    def body(self) -> dict:
        error = {"status": self.status, "code": self.code, "message": self.message}
        if self.parameter:
            error["parameter"] = self.parameter
        return {"error": {**error, **self.extra}}


def json_response(data: Any, *, status: int = 200) -> HttpResponse:
    """Compact UTF-8 JSON."""
    body = json.dumps(data, ensure_ascii=False, default=json_default, separators=(",", ":"))
    return HttpResponse(body, status=status, content_type=f"{JSON_TYPE}; charset=utf-8")


def error_response(error: ApiError) -> HttpResponse:
    return json_response(error.body(), status=error.status)


def api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Allow only GET, HEAD and OPTIONS (405 otherwise), answer errors in JSON, open CORS.

    CSRF checks are off: no view under it changes anything, and a refused POST must get the
    API's 405, not the CSRF middleware's 403 page.
    """

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in SAFE_METHODS:
            message = f"The API is read-only: use {', '.join(SAFE_METHODS)}."
            response = error_response(ApiError(405, "method_not_allowed", message))
        else:
            try:
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = error_response(error)
        response["Allow"] = ", ".join(SAFE_METHODS)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    return wrapper


def absolute(path: str, query: QueryDict | None = None) -> str:
    """The public URL of a path and query."""
    return public_urls.absolute_url(path, query)


def page_response(
    request: HttpRequest, *, data: list, next_cursor: str | None, meta: dict
) -> HttpResponse:
    """A list page: data, meta and links (self, next), with a Link header for the next page."""
    following = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        following = absolute(request.path, query)
    links = {"self": absolute(request.path, request.GET), "next": following}
    response = json_response({"data": data, "meta": meta, "links": links})
    if following:
        response["Link"] = f'<{following}>; rel="next"'
    return response
