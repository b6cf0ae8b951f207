"""Answer a friendly 503 while the database is unreachable, instead of a traceback."""

from __future__ import annotations

from django.db import InterfaceError, OperationalError, close_old_connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from psycopg.errors import QueryCanceled


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection or a cancelled slow query into a 503 with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """Render the 503 page for database connection errors; let others through."""
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if isinstance(exception.__cause__, QueryCanceled):  # the statement timeout: up, but slow
            body = render_to_string("503_timeout.html", request=None)
            response = HttpResponse(body, status=503)
            response["Retry-After"] = "30"
            return response
        close_old_connections()
        body = render_to_string("503.html", request=None)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "5"
        return response
