"""The admin's upload flow: upload, review what the parse found, confirm to write.

Nothing is written until staff confirm; confirming writes every reviewed release in one
transaction through ``statements.ingest.ingest_release``, the same path as the command.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import render
from django.urls import path

from meetings.admin import ReleaseAdmin
from meetings.models import Release
from statements.admin.upload_forms import ReviewFormSet, UploadForm, initial_review
from statements.ingest import IngestError, ingest_release, plan_release
from statements.parsing import ParseError, parse_press_release

INGEST_PERMISSION = "meetings.ingest_release"


class ReleaseUploadAdmin(ReleaseAdmin):
    """The release admin plus the upload → review → confirm pages."""

    change_list_template = "admin/meetings/release/change_list_with_upload.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.upload_view)
        return [path("upload/", view, name="meetings_release_upload"), *super().get_urls()]

    def has_add_permission(self, request):
        """Releases are added by uploading them, never by typing rows."""
        return False

    def upload_view(self, request):
        """Step 1 (upload), step 2 (review, re-parse), step 3 (confirm) on one URL."""
        if not request.user.has_perm(INGEST_PERMISSION):
            raise PermissionDenied
        if request.method == "POST" and "step" in request.POST:
            return self._review_or_confirm(request)
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            initial = [initial_review(upload, parsed) for upload, parsed in form.parsed]
            return self._render_review(request, ReviewFormSet(initial=initial))
        return self._render(request, "admin/meetings/release/upload.html", {"form": form})

    def _review_or_confirm(self, request):
        """Re-parse with the staff's corrections, or write everything if they confirmed."""
        formset = ReviewFormSet(request.POST)
        if not formset.is_valid() and any("payload" in form.errors for form in formset):
            messages.error(
                request, "An upload could not be read back (expired or altered): upload it again."
            )
            return self._render(
                request, "admin/meetings/release/upload.html", {"form": UploadForm()}
            )
        items = [(form, _parse(form.cleaned_data["payload"])) for form in formset]
        if not formset.is_valid() or request.POST["step"] != "confirm":
            return self._render_review(request, formset, items)
        try:
            results = _ingest_all(items, request.user)
        except IngestError as exc:
            messages.error(request, f"Nothing was written: {exc}")
            return self._render_review(request, formset, items)
        context = {"results": results}
        return self._render(request, "admin/meetings/release/ingested.html", context)

    def _render_review(self, request, formset, items=None):
        """Show each release's metadata form, its statements, warnings, errors and changes."""
        if items is None:
            items = [(form, _parse(form.initial["payload"], signed=True)) for form in formset]
        reviews = []
        for form, (upload, parsed) in items:
            overrides = form.overrides(parsed) if form.is_bound and form.is_valid() else {}
            plan = plan_release(
                parsed=parsed, source=upload.source, source_name=upload.name, overrides=overrides
            )
            reviews.append({"form": form, "plan": plan, "upload": upload})
        can_confirm = all(r["plan"].is_valid for r in reviews)
        context = {"formset": formset, "reviews": reviews, "can_confirm": can_confirm}
        return self._render(request, "admin/meetings/release/review.html", context)

    def _render(self, request, template, context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Upload press releases",
            **context,
        }
        return render(request, template, context)


def _parse(payload, *, signed: bool = False):
    """Re-read an upload from the review form and parse it again (parsing is fast and pure)."""
    from statements.admin.upload_forms import Upload

    upload = Upload.unsign(payload) if signed else payload
    try:
        return upload, parse_press_release(upload.source, filename=upload.name)
    except ParseError as exc:  # the file parsed at upload; only a parser change gets here
        raise IngestError(f"{upload.name}: {exc}") from exc


def _ingest_all(items, user) -> list:
    """Write every reviewed release in one transaction: all of them, or none."""
    with transaction.atomic():
        return [
            ingest_release(
                parsed=parsed,
                source=upload.source,
                source_name=upload.name,
                overrides=form.overrides(parsed),
                user=user,
                via="admin",
            )
            for form, (upload, parsed) in items
        ]


admin.site.unregister(Release)
admin.site.register(Release, ReleaseUploadAdmin)
