"""Research pages (placeholder views; the research UI replaces them)."""

from django.shortcuts import get_object_or_404, redirect, render

from meetings.models import Meeting
from statements.models import Delegation, Speaker, Statement, Theme


def home(request):
    return render(request, "statements/home.html", {"count": Statement.objects.count()})


def statement_list(request):
    statements = Statement.objects.with_related()
    if q := request.GET.get("q", "").strip()[:500]:
        statements = statements.search(q)
    return render(request, "statements/statement_list.html", {"statements": statements[:50]})


def statement_detail(request, pk):
    statement = get_object_or_404(Statement.objects.with_related(), pk=pk)
    return render(request, "statements/statement_detail.html", {"statement": statement})


def speaker_list(request):
    return render(request, "statements/speaker_list.html", {"speakers": Speaker.objects.all()})


def speaker_by_id(request, pk):
    return redirect(get_object_or_404(Speaker, pk=pk), permanent=True)


def speaker_detail(request, slug):
    speaker = get_object_or_404(Speaker, slug=slug)
    return render(request, "statements/speaker_detail.html", {"speaker": speaker})


def delegation_list(request):
    return render(
        request, "statements/delegation_list.html", {"delegations": Delegation.objects.all()}
    )


def delegation_detail(request, slug):
    delegation = get_object_or_404(Delegation, slug=slug)
    return render(request, "statements/delegation_detail.html", {"delegation": delegation})


def meeting_list(request):
    return render(
        request, "statements/meeting_list.html", {"meetings": Meeting.objects.with_related()}
    )


def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.with_related(), pk=pk)
    return render(request, "statements/meeting_detail.html", {"meeting": meeting})


def theme_list(request):
    return render(request, "statements/theme_list.html", {"themes": Theme.objects.all()})


def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    return render(request, "statements/theme_detail.html", {"theme": theme})
