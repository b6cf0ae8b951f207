"""The statements page: browse and search in one, with facets and a chart."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from statements.search import facets
from statements.search.filters import StatementFilter, interface_language
from statements.search.results import facet_context, statement_results


def statement_list(request: HttpRequest) -> HttpResponse:
    """Search and filter all statements; the URL holds the whole state."""
    fs = StatementFilter(request.GET, prefer=interface_language())
    counting = facets.start_counts(fs)  # the engine counts facets while the page is found
    context = statement_results(request, fs)
    context.update(facet_context(fs, context["state"], counting()))
    return render(request, "statements/statement_list.html", context)
