"""Conditional requests on data out (RFC 9110 §13): ETag and Last-Modified, answered with 304.

The API, the feeds and the dumps' manifests send a strong ETag (a hash of the body: two equal
answers have the same tag whatever produced them) and, where the archive knows when their data
last changed, Last-Modified. A request with a matching If-None-Match, or with If-Modified-Since
no older than Last-Modified (and no If-None-Match, which takes precedence), gets 304 and no body.

When the data last changed: every write that changes statements, meetings, speakers, delegations
or themes records an outbox entry (statements/search/migrations/0003_outbox_triggers.py), and
every ingest stamps its release; the later of the newest of each is the time. The outbox is
pruned below the position every live indexer has passed (statements/search/index/consumers.py):
with no entry left, the time is unknown and only the ETag is sent (a Last-Modified earlier
than the truth would answer 304 to a changed document).
HTTP dates count whole seconds, so a client that sends only If-Modified-Since misses a change made
in the same second as the one it holds; If-None-Match (which wins when both are sent) does not.
Coverage depends on the harvester's records, which write no outbox entry: ETag only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from meetings.models import Release
from statements.search.models import OutboxEntry

PATHS = ("/api/", "/feeds/", "/data/")
NO_LAST_MODIFIED = ("/api/v1/coverage", "/data/")  # ETag only (see above; /data/ pages vary)


class ConditionalDataMiddleware:
    """Validators on 200 answers of data out, and 304 for a client that holds the same."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_conditional_candidate(request, response):
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        if not response.has_header("Last-Modified"):
            add_last_modified(request, response)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )


def add_last_modified(request: HttpRequest, response: HttpResponse) -> None:
    """The time the data last changed, where it is known and what the answer shows."""
    if request.path.startswith(NO_LAST_MODIFIED):
        return
    if changed := last_data_change():
        response["Last-Modified"] = http_date(changed.timestamp())


def is_conditional_candidate(request: HttpRequest, response: HttpResponse) -> bool:
    """A whole 200 answer to a GET or HEAD of data out (a stream has no body to hash)."""
    return (
        request.path.startswith(PATHS)
        and request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
    )


def last_data_change() -> datetime | None:
    """When statement data last changed, if the outbox still says (see the module's note)."""
    newest_entry = OutboxEntry.objects.aggregate(at=Max("created_at"))["at"]
    if newest_entry is None:
        return None
    newest_release = Release.objects.aggregate(at=Max("ingested_at"))["at"]
    return max(filter(None, [newest_entry, newest_release]))
