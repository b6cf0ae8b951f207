"""The language of a page answered before LocaleMiddleware runs (a NUL refusal, a rate limit):
the URL's prefix (/fr/...), else the site's default. Machines' answers stay English."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation


def path_language(request: HttpRequest) -> translation.override:
    """Translate inside this block as the page at the request's address would be."""
    code = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return translation.override(code)
