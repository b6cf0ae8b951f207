"""The admin's corrections: a page per archived meeting, the history, and the review queue.

*Corrections → Correct a meeting* shows every statement with its review state and parser
warnings (each linking to the form that answers it), the narrative, and the meeting's history
with Undo. Staff with ``statements.correct_statements`` make corrections; staff who may only
view corrections see the same page without a form. The changelist, filtered on "no longer
applies", is the review queue: meetings whose re-imported release changed under a correction.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html

from meetings.models import Meeting
from statements.decisions.models import NarrativeParagraph
from statements.ingest.correction_forms import CorrectionForm
from statements.ingest.correction_writes import (
    CorrectionRefused,
    record_correction,
    undo_correction,
)
from statements.ingest.corrections import paragraph_choices, sentence_choices
from statements.models import Correction, Statement

CORRECT_PERMISSION = "statements.correct_statements"
PAGE_TEMPLATE = "admin/statements/correction/meeting.html"


class FlaggedFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("flagged", "No longer applies (to review)"),
            ("active", "In force"),
            ("undone", "Undone"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "flagged":
            return queryset.flagged()
        if self.value() == "active":
            return queryset.filter(undone_at__isnull=True, flag="")
        if self.value() == "undone":
            return queryset.filter(undone_at__isnull=False)
        return queryset


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "meeting_link", "description", "reason", "user", "state"]
    list_filter = [FlaggedFilter, "operation"]
    list_select_related = ["meeting__body", "meeting__release", "user"]
    search_fields = ["description", "reason", "meeting__release__symbol"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # made on the meeting's page, never typed as rows

    def has_change_permission(self, request, obj=None):
        return False  # undone, never edited: the history stays true

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Meeting")
    def meeting_link(self, correction: Correction):
        url = reverse("admin:statements_correction_meeting", args=[correction.meeting_id])
        return format_html('<a href="{}">{}</a>', url, correction.meeting)

    @admin.display(description="State")
    def state(self, correction: Correction) -> str:
        if correction.undone_at:
            return f"Undone {correction.undone_at:%d %b %Y}"
        return "No longer applies: to review" if correction.flag else "In force"

    def get_urls(self):
        page = self.admin_site.admin_view(self.meeting_view)
        undo = self.admin_site.admin_view(self.undo_view)
        return [
            path("meeting/<int:meeting_id>/", page, name="statements_correction_meeting"),
            path("<int:pk>/undo/", undo, name="statements_correction_undo"),
            *super().get_urls(),
        ]

    def meeting_view(self, request, meeting_id: int):
        """The meeting's statements, narrative and history; POST makes one correction."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting.objects.with_related(), pk=meeting_id)
        can_correct = request.user.has_perm(CORRECT_PERMISSION)
        form = None
        if request.method == "POST":
            if not can_correct:
                raise PermissionDenied
            form = CorrectionForm(request.POST, meeting=meeting)
            if form.is_valid():
                try:
                    correction = record_correction(
                        meeting=meeting, user=request.user, **form.cleaned
                    )
                except CorrectionRefused as exc:
                    form.add_error(None, f"Nothing was changed: {exc}")
                else:
                    messages.success(request, f"Done: {correction.description}.")
                    return redirect(request.path)
        return render(request, PAGE_TEMPLATE, self._context(request, meeting, form, can_correct))

    def undo_view(self, request, pk: int):
        if request.method != "POST" or not request.user.has_perm(CORRECT_PERMISSION):
            raise PermissionDenied
        correction = get_object_or_404(Correction, pk=pk, undone_at__isnull=True)
        try:
            undo_correction(correction=correction, user=request.user)
        except CorrectionRefused as exc:
            messages.error(request, f"Nothing was changed: {exc}")
        else:
            messages.success(request, f"Undone: {correction.description}.")
        return redirect("admin:statements_correction_meeting", correction.meeting_id)

    def _context(self, request, meeting, form, can_correct):
        statements = list(
            meeting.statements.select_related("delegation", "speaker").order_by("sequence")
        )
        narrative: dict[int, list[NarrativeParagraph]] = {}
        for paragraph in meeting.narrative.order_by("paragraph"):
            narrative.setdefault(paragraph.after_statement, []).append(paragraph)
        rows = [
            {
                "statement": s,
                "sentences": sentence_choices(s.text),
                "paragraphs": paragraph_choices(s.text),
                "later": [o for o in statements if o.sequence > s.sequence][:5],
                "narrative": narrative.get(s.sequence, []),
            }
            for s in statements
        ]
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Correct {meeting}",
            "meeting": meeting,
            "rows": rows,
            "opening": narrative.get(0, []),
            "form": form,
            "can_correct": can_correct,
            "kinds": Statement.Kind.choices,
            "narrative_kinds": NarrativeParagraph.Kind.choices,
            "history": meeting.corrections.select_related("user", "undone_by").order_by(
                "-created_at", "-pk"
            ),
        }
