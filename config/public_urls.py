"""The site's public address for absolute links: SITE_URL, else the host the request came to.

Permalinks, feeds, API links, citations, sitemaps and exports all build absolute URLs here, so a
site served on any address links to itself without SITE_URL. A command (a dump, say) has no
request: it uses SITE_URL or FALLBACK_SITE_URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextvars import Context, ContextVar, copy_context

from django.conf import settings
from django.http import HttpRequest, QueryDict

_request_origin: ContextVar[str | None] = ContextVar("request_origin", default=None)


def site_url(request: HttpRequest | None = None) -> str:
    """The origin for links, e.g. https://archive.example.org (no trailing slash)."""
    origin = request_origin(request) if request is not None else _request_origin.get()
    return settings.SITE_URL or origin or settings.FALLBACK_SITE_URL


def template_context(request: HttpRequest) -> dict[str, str]:
    """A context processor: `site_url` for templates' absolute links (canonical, citations)."""
    return {"site_url": site_url(request)}


def absolute_url(path: str, query: QueryDict | None = None) -> str:
    """The public URL of a site path, with an optional query string."""
    encoded = query.urlencode() if query else ""
    return f"{site_url()}{path}{'?' + encoded if encoded else ''}"


def in_request_context(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Run a streamed body under the request's origin: it is read after the view has returned."""
    context = copy_context()  # now, while the request is being answered
    return _run_in(context, iter(chunks))


def _run_in(context: Context, iterator: Iterator[bytes]) -> Iterator[bytes]:
    while True:
        try:
            yield context.run(next, iterator)
        except StopIteration:
            return


def request_origin(request: HttpRequest) -> str:
    """scheme://host[:port] of a request (the host already checked against ALLOWED_HOSTS)."""
    return f"{request.scheme}://{request.get_host()}"


class RequestOriginMiddleware:
    """Remember the request's origin while it is answered, for links built without it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = _request_origin.set(request_origin(request))
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)
