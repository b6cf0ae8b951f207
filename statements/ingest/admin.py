"""The admin's upload flow: upload, review what the parse found, confirm to write.

Nothing is written until staff confirm; confirming writes every reviewed release in one
transaction through ``statements.ingest.ingest_release``, the same path as the command. Each
request parses each upload once. Replacing a stored release by a different meeting is a separate
step: staff type the symbol to confirm it, and the ingest log records it as "replaced".
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import render
from django.urls import path

from meetings.admin import ReleaseAdmin
from meetings.models import Release
from statements.decisions.models import NarrativeParagraph
from statements.ingest import (
    IngestError,
    corrections_admin,  # noqa: F401  (registers the Correction admin)
    ingest_release,
    metadata_from_parse,
    release_basis,
)
from statements.ingest.correction_writes import corrected_plan
from statements.ingest.corrections_admin import CORRECT_PERMISSION
from statements.ingest.forms import (
    ReviewFormSet,
    Upload,
    UploadForm,
    initial_review,
    sign_basis,
    sign_pending,
)
from statements.ingest.review_corrections import (
    OPERATIONS,
    PendingError,
    parse_step,
    pending_correction,
)
from statements.models import Statement
from statements.parsing import ParsedRelease, ParseError, parse_press_release

INGEST_PERMISSION = "meetings.ingest_release"
REVIEW_TEMPLATE = "admin/meetings/release/review.html"
UPLOAD_TEMPLATE = "admin/meetings/release/upload.html"
NO_CORRECTING = (
    "correcting statements needs the permission “Can correct statements” "
    "(without it, releases are confirmed as parsed)."
)


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
        """Step 1 (upload), step 2 (review, re-parse), step 3 (confirm or replace) on one URL."""
        if not request.user.has_perm(INGEST_PERMISSION):
            raise PermissionDenied
        if request.method == "POST" and "step" in request.POST:
            return self._review_or_confirm(request)
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            initial = [
                initial_review(token, metadata_from_parse(parsed, source=upload.source))
                for token, (upload, parsed) in zip(form.tokens, form.parsed, strict=True)
            ]
            return self._render_review(request, ReviewFormSet(initial=initial), form.parsed)
        return self._render(request, UPLOAD_TEMPLATE, {"form": form})

    def review_sources(self, request, items: list[tuple[Upload, ParsedRelease]]):
        """Show the review page for sources parsed elsewhere (the harvest review queue)."""
        initial = [
            initial_review(upload.sign(), metadata_from_parse(parsed, source=upload.source))
            for upload, parsed in items
        ]
        return self._render_review(request, ReviewFormSet(initial=initial), items)

    def review_posted(self, request):
        """Handle a review page posted back to another admin's URL: re-parse, or confirm."""
        return self._review_or_confirm(request)

    def _review_or_confirm(self, request):
        """Re-parse with the staff's corrections, or write everything if they confirmed."""
        formset = ReviewFormSet(request.POST)
        if _unreadable(formset):
            messages.error(
                request, "The review could not be read back (expired or altered): upload it again."
            )
            return self._render(request, UPLOAD_TEMPLATE, {"form": UploadForm()})
        try:
            items = [(form, _parse(form.cleaned_data["payload"])) for form in formset]
        except IngestError as exc:
            messages.error(request, str(exc))
            return self._render(request, UPLOAD_TEMPLATE, {"form": UploadForm()})
        step, parses = request.POST["step"], [parse for _, parse in items]
        if not formset.is_valid() or step not in ("confirm", "replace"):
            return self._render_review(request, formset, parses, correct=parse_step(step))
        try:
            results = _ingest_all(items, request, replace=step == "replace")
        except IngestError as exc:
            messages.error(request, f"Nothing was written: {exc}")
            return self._render_review(request, formset, parses)
        return self._render(request, "admin/meetings/release/ingested.html", {"results": results})

    def _render_review(self, request, formset, items, correct=None):
        """Show each release's metadata form, its statements, warnings, errors and changes;
        correct: (form prefix, sequence) of a statement staff just corrected on this page."""
        reviews, can_correct = [], request.user.has_perm(CORRECT_PERMISSION)
        for form, (upload, parsed) in zip(formset, items, strict=True):
            overrides = form.overrides(parsed) if form.is_bound and form.is_valid() else {}
            pending = list(getattr(form, "cleaned_data", {}).get("pending") or [])
            args = {"source": upload.source, "source_name": upload.name, "overrides": overrides}
            plan, _ = corrected_plan(parsed=parsed, pending=pending, **args)
            if correct and correct[0] == form.prefix and not can_correct:
                messages.error(request, f"Not corrected: {NO_CORRECTING}")
            elif correct and correct[0] == form.prefix:
                try:
                    pending.append(
                        pending_correction(
                            data=request.POST, prefix=form.prefix, sequence=correct[1], plan=plan
                        )
                    )
                except PendingError as exc:
                    messages.error(request, f"Not corrected: {exc}")
                else:
                    plan, _ = corrected_plan(parsed=parsed, pending=pending, **args)
                    messages.success(
                        request, f"Corrected (written on confirm): {pending[-1]['description']}."
                    )
            basis = sign_basis(release_basis(plan.existing))
            reviews.append(
                {
                    "form": form,
                    "plan": plan,
                    "upload": upload,
                    "basis": basis,
                    "pending": pending,
                    "pending_token": sign_pending(pending),
                }
            )
        context = {
            "formset": formset,
            "reviews": reviews,
            "correct_operations": OPERATIONS,
            "can_correct": can_correct,
            "kinds": Statement.Kind.choices,
            "narrative_kinds": NarrativeParagraph.Kind.choices,
            "can_confirm": all(r["plan"].is_valid for r in reviews),
            "can_replace": any(r["plan"].contradicts for r in reviews),
        }
        return self._render(request, REVIEW_TEMPLATE, context)

    def _render(self, request, template, context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Upload press releases",
            **context,
        }
        return render(request, template, context)


def _unreadable(formset) -> bool:
    """True when the posted review is not the one rendered (altered counts, payloads, basis)."""
    if not formset.management_form.is_valid() or formset.non_form_errors():
        return True
    return (
        any(
            "payload" in form.errors
            or "basis" in form.errors
            or "pending" in form.errors
            or not form.cleaned_data.get("payload")
            for form in formset
        )
        or not formset.forms
    )


def _parse(upload: Upload):
    """Parse a reviewed upload again (the one parse of this request)."""
    try:
        return upload, parse_press_release(upload.source, filename=upload.name)
    except ParseError as exc:  # the file parsed at upload; only a parser change gets here
        raise IngestError(f"{upload.name}: {exc}") from exc


def _ingest_all(items, request, *, replace: bool) -> list:
    """Write every reviewed release in one transaction: all of them, or none."""
    if replace:
        _check_replace_confirmation(items, request)
    pending = any(form.cleaned_data.get("pending") for form, _ in items)
    if pending and not request.user.has_perm(CORRECT_PERMISSION):
        raise IngestError(f"this review holds corrections, and {NO_CORRECTING}")
    with transaction.atomic():
        return [
            ingest_release(
                parsed=parsed,
                source=upload.source,
                source_name=upload.name,
                overrides=form.overrides(parsed),
                user=request.user,
                via="admin",
                replace=replace,
                basis=form.cleaned_data.get("basis"),
                pending=form.cleaned_data.get("pending") or [],
            )
            for form, (upload, parsed) in items
        ]


def _check_replace_confirmation(items, request) -> None:
    """Replacing needs the delete permission and every symbol typed back exactly."""
    if not request.user.has_perm("meetings.delete_release"):
        raise IngestError("Replacing a release needs the permission to delete releases.")
    typed = request.POST.get("replace_symbols", "").replace(",", " ").split()
    symbols = [form.overrides(parsed)["symbol"] for form, (_, parsed) in items]
    if sorted(typed) != sorted(s for s in symbols if s):
        raise IngestError(
            "To replace, type the symbol of every release in this batch "
            f"({', '.join(symbols)}) in the confirmation box."
        )


admin.site.register(Release, ReleaseUploadAdmin)
