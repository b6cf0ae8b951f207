"""The statement permalink: the statement in its meeting, and how to cite it (and a meeting)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from statements.models import RetiredStatement, Statement
from statements.publish import csl
from statements.publish.citations import cite, permalink
from statements.search import query as search

CITE_FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bibtex"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "txt": ("text/plain; charset=utf-8", "text"),
    "json": ("application/vnd.citationstyles.csl+json", "csl"),
}


def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a statement between its neighbours, with its citation."""
    statement = _statement_or_redirect(pk)
    if isinstance(statement, HttpResponse):
        return statement
    query = search.parse_query(request.GET.get("q"))
    siblings = Statement.objects.filter(meeting_id=statement.meeting_id).select_related(
        "speaker", "delegation"
    )
    context = {
        "statement": statement,
        "meeting": statement.meeting,
        "previous": siblings.filter(sequence__lt=statement.sequence).order_by("-sequence").first(),
        "next": siblings.filter(sequence__gt=statement.sequence).order_by("sequence").first(),
        "summaries": list(statement.summaries.all()),
        "other_languages": Statement.objects.in_other_languages(statement),
        "citation": cite(statement, accessed=timezone.localdate()),
        "citation_url": permalink(statement),
        "query": query.text,
        "highlighted": search.highlight_all(Statement.objects.all(), pk, query.text),
    }
    return render(request, "statements/statement_detail.html", context)


def statement_cite(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Download the citation as BibTeX, RIS or text, for reference managers."""
    if fmt not in CITE_FORMATS:
        raise Http404("Unknown citation format")
    statement = _statement_or_redirect(pk)
    if isinstance(statement, HttpResponse):
        raise Http404("This statement was removed")
    content_type, attribute = CITE_FORMATS[fmt]
    if attribute == "csl":
        item = csl.statement_item(statement, accessed=timezone.localdate())
        return csl_response([item], f"statement-{pk}")
    citation = cite(statement, accessed=timezone.localdate())
    response = HttpResponse(getattr(citation, attribute), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="statement-{pk}.{fmt}"'
    return response


def meeting_cite(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting's press release as CSL-JSON."""
    meeting = get_object_or_404(Meeting.objects.with_related(), pk=pk)
    item = csl.meeting_item(meeting, accessed=timezone.localdate())
    return csl_response([item], f"meeting-{pk}")


def csl_response(items: list[dict], name: str) -> HttpResponse:
    """CSL-JSON (a list of items) under its registered media type, inline: programs read it."""
    response = JsonResponse(items, safe=False, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = CITE_FORMATS["json"][0]
    response["Content-Disposition"] = f'inline; filename="{name}.json"'
    return response


def _statement_or_redirect(pk: int) -> Statement | HttpResponse:
    """The statement; for an id a re-import retired, a permanent redirect to its meeting; for
    one staff merged into another, a redirect to that one (temporary: a merge can be undone)."""
    statement = (
        Statement.objects.for_listing()
        .select_related("summary_of", "on_behalf_of_delegation")
        .filter(pk=pk)
        .first()
    )
    if statement:
        return statement
    retired = RetiredStatement.objects.filter(statement_id=pk).first()
    if retired is None:
        raise Http404("No such statement")
    if retired.merged_into and Statement.objects.filter(pk=retired.merged_into).exists():
        return redirect("statements:statement-detail", retired.merged_into)
    url = reverse("statements:meeting-detail", args=[retired.meeting_id])
    return redirect(f"{url}?retired={pk}", permanent=True)
