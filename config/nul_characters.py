"""Refuse a NUL character in the address with 400, before any view or query sees it.

PostgreSQL text cannot hold NUL (psycopg refuses to send it), so a NUL in a path or a query
parameter that reached a query answered 500. No address of the archive has a use for one: every
request with a NUL in its path or its query string (keys or values, once percent-decoded) is
refused here, with a problem document for machine clients and a short page for people. Form
fields refuse NUL on their own (Django's CharField validator).
"""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_noop

from config.page_language import path_language

NUL = "\x00"
DETAIL = gettext_noop(
    "The address holds a NUL character (%00), which no page, parameter or record can hold."
)
MACHINE_PREFIXES = ("/api/", "/statements/export.", "/feeds/", "/data/")


class RefuseNulMiddleware:
    """400 for a NUL anywhere in the path or the query string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if has_nul(request):
            return refused(request)
        return self.get_response(request)


def has_nul(request: HttpRequest) -> bool:
    """A NUL in the decoded path, or in any query parameter's name or value."""
    if NUL in request.path_info or NUL in request.path:
        return True
    return any(NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists())


def refused(request: HttpRequest) -> HttpResponse:
    path = request.path_info.replace(NUL, "")
    if path.startswith(MACHINE_PREFIXES) or _is_file(path):
        body = {
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": DETAIL,
            "code": "nul_character",
            "error": {"status": 400, "code": "nul_character", "message": DETAIL},
        }
        return HttpResponse(json.dumps(body), status=400, content_type="application/problem+json")
    with path_language(request):
        page = render_to_string("400_nul.html", {"detail": gettext(DETAIL)})
    return HttpResponse(page, status=400)


def _is_file(path: str) -> bool:
    """Decision and vote exports (/decisions/votes.csv): machine clients too."""
    return path.startswith("/decisions/") and path.endswith((".csv", ".jsonl"))
