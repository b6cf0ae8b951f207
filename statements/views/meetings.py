"""Meeting pages: the whole release in order, and its original source."""

from __future__ import annotations

import re
from collections import defaultdict

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from meetings.models import Body, Meeting, ReleaseSource
from statements.decisions.views import meeting_decisions
from statements.models import Statement
from statements.search import facets
from statements.search.filters import interface_language
from statements.views.checks import review_counts


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Every statement of the release in order, each with an anchor, summaries beside them."""
    meeting = get_object_or_404(Meeting.objects.with_related(), pk=pk)
    statements = list(
        meeting.statements.for_listing()
        .select_related("on_behalf_of_delegation")
        .order_by("sequence")
    )
    summaries = defaultdict(list)
    for statement in statements:
        if statement.summary_of_id:
            summaries[statement.summary_of_id].append(statement)
    narrative = defaultdict(list)
    for paragraph in meeting.narrative.order_by("paragraph"):
        narrative[paragraph.after_statement].append(paragraph)
    context = {
        "meeting": meeting,
        "release": meeting.release,
        "rows": [(s, summaries.get(s.pk, []), narrative.get(s.sequence, [])) for s in statements],
        "opening": narrative.get(0, []),
        "decisions": meeting_decisions(meeting),
        "elections": list(meeting.elections.select_related("delegation")),
        "full_count": sum(s.kind != Statement.Kind.SUMMARY for s in statements),
        "themes": [
            t.theme for t in meeting.theme_tags.select_related("theme").order_by("theme__position")
        ],
        "previous": Meeting.objects.neighbour(meeting, before=True),
        "next": Meeting.objects.neighbour(meeting, before=False),
        "retired": _int(request.GET.get("retired")),
        "review_counts": [c for c in review_counts(meeting.statements.all()) if c[3]],
        "corrections": meeting.corrections.order_by("created_at", "pk"),
        "versions": list(Meeting.objects.versions_of(meeting)),
    }
    return render(request, "statements/meeting_detail.html", context)


def meeting_list(request: HttpRequest) -> HttpResponse:
    """Meetings newest first, by body, 50 a page."""
    bodies = list(Body.objects.filter(meetings__isnull=False).distinct().order_by("position"))
    chosen = next((b for b in bodies if b.slug == request.GET.get("body")), None)
    meetings = Meeting.objects.with_related().shown_in(interface_language())
    meetings = meetings.annotate(n=facets.statement_count("meeting"))
    if chosen:
        meetings = meetings.filter(body=chosen)
    page = Paginator(meetings.order_by("-date", "-id"), 50).get_page(request.GET.get("page"))
    context = {"page": page, "bodies": bodies, "chosen": chosen}
    return render(request, "statements/meeting_list.html", context)


def release_source(request: HttpRequest, pk: int) -> HttpResponse:
    """The release as uploaded. HTML is never rendered in the site's origin: it downloads,
    or shows as plain text with ?as=text; the sandbox header also stops scripts."""
    uploaded = get_object_or_404(
        ReleaseSource.objects.select_related("release"), release__meeting=pk
    )
    release = uploaded.release
    data = bytes(uploaded.data)
    html = is_html(release.source_format, release.source_name, data)
    name = safe_filename(
        release.source_name, fallback=f"{release.symbol}.{'html' if html else 'txt'}"
    )
    if html and request.GET.get("as") != "text":
        response = HttpResponse(data, content_type="text/html; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    else:
        response = HttpResponse(data, content_type=f"text/plain; charset={charset(data)}")
        response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def is_html(source_format: str, source_name: str, data: bytes) -> bool:
    """Whether the uploaded source is HTML, by its recorded format, name, or first bytes."""
    if "html" in (source_format or "").lower() or re.search(r"\.x?html?$", source_name or "", re.I):
        return True
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


def charset(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1252"
    return "utf-8"


def safe_filename(name: str, *, fallback: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", (name or "").rsplit("/", 1)[-1]).strip("-.")
    return cleaned[:100] or re.sub(r"[^A-Za-z0-9._-]+", "-", fallback)


def _int(value) -> int | None:
    try:
        return int(str(value)[:18])
    except (TypeError, ValueError):
        return None
