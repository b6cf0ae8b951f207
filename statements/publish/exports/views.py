"""The /statements/export.csv and .jsonl pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from config.limits import too_many_requests
from config.public_urls import in_request_context
from statements.publish.exports.selection import search_export_chunks
from statements.publish.exports.slots import EXPORT_RETRY_AFTER, export_slots
from statements.publish.exports.streaming import FORMATS
from statements.publish.problems import invalid_parameters
from statements.search.filters import StatementFilter


@require_safe
def export_statements(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every statement the statements page finds for this query string, in the page's order.

    It reads the query string as the page does (StatementFilter), but a value the page would
    ignore is a 400 problem document here: an export of something else than asked is worse than
    none. Paging parameters do not matter: the export holds every match.
    """
    fs = StatementFilter(request.GET)
    if fs.problems:
        return invalid_parameters(request, fs.problems)
    if request.method == "HEAD":
        response: HttpResponse = HttpResponse(content_type=FORMATS[fmt])
    else:
        slot = export_slots.take()
        if slot is None:
            return too_many_requests(request, "exports", EXPORT_RETRY_AFTER)
        try:
            chunks = slot.guard(in_request_context(search_export_chunks(fs, fmt)))
        except BaseException:
            slot.close()
            raise
        response = StreamingHttpResponse(chunks, content_type=FORMATS[fmt])
    filename = f"un-statements-{timezone.now():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # No X-Accel-Buffering: no: the front server buffers the stream, so a slow client holds a
    # proxy connection, not a worker thread.
    return response
