"""Problem documents (RFC 9457) for machine clients: which parameter values were refused, why."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.http import HttpRequest, HttpResponse

from statements.search.filters import Problem

CONTENT_TYPE = "application/problem+json"


def invalid_parameters(request: HttpRequest, problems: Sequence[Problem]) -> HttpResponse:
    """400: the request's unusable parameter values, each with the reason."""
    first = problems[0]
    body = {
        "type": "about:blank",
        "title": "Invalid parameter value",
        "status": 400,
        "detail": f"{first.param}={first.value!r}: {first.reason}."
        + (f" ({len(problems) - 1} more below.)" if len(problems) > 1 else ""),
        "instance": request.get_full_path()[:500],
        "errors": [p.as_dict() for p in problems],
    }
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=400)
    response["Content-Type"] = CONTENT_TYPE
    return response
