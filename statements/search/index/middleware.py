"""A missing or unreadable search index: a clean 503 for readers, the reason for staff."""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string

from statements.search.index.store import IndexUnavailable

log = logging.getLogger(__name__)


class SearchIndexUnavailableMiddleware:
    """Turn IndexUnavailable into a 503 page with Retry-After (staff also see what to run)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, IndexUnavailable):
            return None
        log.error("Search index unavailable: %s", exception)
        user = getattr(request, "user", None)
        staff = str(exception) if user is not None and user.is_staff else ""
        body = render_to_string("search_unavailable.html", {"staff_message": staff})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response
