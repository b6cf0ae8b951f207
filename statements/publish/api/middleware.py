"""The API is read-only: OPTIONS answers 204, HEAD is GET without a body, the rest is 405."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from statements.publish.api.problems import Problem, problem_response

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
PREFIX = "/api/"


class ReadOnlyApiMiddleware:
    """Answer methods for the whole API before routing (CORS headers are added around it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in SAFE_METHODS:
            detail = f"The API is read-only: use {', '.join(SAFE_METHODS)}."
            response = problem_response(Problem(405, "method_not_allowed", detail))
        else:
            # The server drops a HEAD response's body; the view answers it as a GET.
            method, request.method = request.method, "GET"
            response = self.get_response(request)
            request.method = method
        response["Allow"] = ", ".join(SAFE_METHODS)
        return response
