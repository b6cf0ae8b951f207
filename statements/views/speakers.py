"""Speaker pages: who they spoke for, with what title, and everything they said."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from statements.models import Speaker, SpeakerRedirect, Statement
from statements.search import facets
from statements.search.filters import StatementFilter, interface_language
from statements.search.results import statement_results

MAX_MERGE_HOPS = 10


def canonical(speaker: Speaker) -> Speaker:
    """Follow merges to the speaker that absorbed this one (a loop stops where it started)."""
    seen = {speaker.pk}
    while speaker.merged_into_id and len(seen) <= MAX_MERGE_HOPS:
        speaker = speaker.merged_into
        if speaker.pk in seen:
            break
        seen.add(speaker.pk)
    return speaker


def speaker_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    """Redirect an id URL permanently to the canonical slug URL."""
    return redirect(canonical(get_object_or_404(Speaker, pk=pk)), permanent=True)


def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A speaker's roles over time and statements, newest first, searchable."""
    speaker = Speaker.objects.filter(slug=slug).first()
    if speaker is None:
        old = get_object_or_404(SpeakerRedirect.objects.select_related("speaker"), slug=slug)
        return redirect(canonical(old.speaker), permanent=True)
    if speaker.merged_into_id:
        return redirect(canonical(speaker), permanent=True)
    statements = Statement.objects.for_speaker_family(speaker).shown_in(interface_language())
    # the search index's view of the same family: the speaker and those merged into it
    fs = StatementFilter(request.GET, scope={"speaker": speaker.slug}, prefer=interface_language())
    context = statement_results(request, fs)
    context.update(
        speaker=speaker,
        roles=facets.speaker_roles(statements.full()),
        total_all=statements.full().count(),
    )
    return render(request, "statements/speaker_detail.html", context)


def speaker_list(request: HttpRequest) -> HttpResponse:
    """Speakers A–Z by surname, with a name filter; only the page shown counts its statements."""
    name = " ".join(str(request.GET.get("name", "")).replace("\x00", "").split())[:100]
    speakers = Speaker.objects.canonical()
    if name:  # by id, not a join, so no DISTINCT over every speaker's count
        aliased = Speaker.objects.filter(aliases__name__icontains=name).values("pk")
        speakers = speakers.filter(Q(name__icontains=name) | Q(pk__in=aliased))
    page = Paginator(speakers.order_by("sort_name", "pk"), 100).get_page(request.GET.get("page"))
    ids = [s.pk for s in page.object_list]  # counted after paging: OFFSET would count skipped rows
    shown = Statement.objects.full().shown_in(interface_language())
    counted = Speaker.objects.filter(pk__in=ids).annotate(
        n=facets.statement_count("speaker", shown)
    )
    page.object_list = list(counted.order_by("sort_name", "pk"))
    return render(request, "statements/speaker_list.html", {"page": page, "name": name})
