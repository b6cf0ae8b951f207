"""Errors of the API as RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from statements.publish.exports.records import json_default

PROBLEM_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = 30


class Problem(Exception):
    """A request the API refuses: status, a short code, a sentence, and the parameter at fault."""

    def __init__(
        self, status: int, code: str, detail: str, *, parameter: str | None = None, **extra: Any
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.parameter, self.extra = parameter, extra

    def body(self) -> dict:
        """The problem document; `error` repeats it in the v1 shape clients already read."""
        error = {"status": self.status, "code": self.code, "message": self.detail}
        if self.parameter:
            error["parameter"] = self.parameter
        error |= self.extra
        title = HTTPStatus(self.status).phrase
        problem = {"type": "about:blank", "title": title, "status": self.status}
        extensions = {key: value for key, value in error.items() if key != "message"}
        return {**problem, "detail": self.detail, **extensions, "error": error}


def problem_response(problem: Problem) -> HttpResponse:
    """The problem as an HTTP response."""
    body = json.dumps(problem.body(), ensure_ascii=False, default=json_default)
    response = HttpResponse(body, status=problem.status, content_type=PROBLEM_TYPE)
    if problem.status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def on_problem(request: HttpRequest, exc: Problem) -> HttpResponse:
    return problem_response(exc)


def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(Problem(404, "not_found", str(exc) or "Not found."))


def on_validation_error(request: HttpRequest, exc: Any) -> HttpResponse:
    """A query or path value that does not fit its schema: 400 naming the parameter."""
    first = exc.errors[0]
    names = [part for part in first.get("loc", ())[1:] if isinstance(part, str)]
    parameter = names[-1] if names else None  # ("query", "params", "kind", 0): kind
    detail = f"{parameter}: {first.get('msg', 'invalid value')}." if parameter else first["msg"]
    return problem_response(Problem(400, "invalid_parameter", detail, parameter=parameter))


def on_database_down(request: HttpRequest, exc: Exception) -> HttpResponse:
    """The database is unreachable: a JSON 503 the client may retry."""
    detail = "The archive's database is not reachable just now; try again shortly."
    return problem_response(Problem(503, "unavailable", detail))


def on_index_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """The search index is missing or damaged: a JSON 503 the client may retry."""
    detail = "Search is briefly unavailable while its index is rebuilt; try again shortly."
    return problem_response(Problem(503, "index_unavailable", detail))
