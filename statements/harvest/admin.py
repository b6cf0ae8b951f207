"""Admin pages for past harvest runs and the review queue (reviewed with the upload review page)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html

from meetings.models import Release
from statements.harvest.models import (
    HarvestedPage,
    HarvestItem,
    HarvestRun,
    HarvestSource,
    ReviewItem,
)
from statements.ingest import IngestError, parse_source
from statements.ingest.admin import ReleaseUploadAdmin

INGEST_PERMISSION = "meetings.ingest_release"


class HarvestItemInline(admin.TabularInline):
    model = HarvestItem
    extra = 0
    can_delete = False
    fields = ["position", "url", "state", "outcome", "message"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class HarvestSourceInline(admin.TabularInline):
    """Each discovery source of the run: read or failed, and why."""

    model = HarvestSource
    extra = 0
    can_delete = False
    fields = ["key", "status", "reason", "pages", "found", "since"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(HarvestRun)
class HarvestRunAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "started_at", "finished_at", "discovered", "fetched",
                    "new", "updated", "unchanged", "queued", "failed", "resumed"]  # fmt: skip
    list_filter = ["status"]
    date_hierarchy = "started_at"
    readonly_fields = [f.name for f in HarvestRun._meta.fields]
    inlines = [HarvestSourceInline, HarvestItemInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin):
    """The queue: what the harvester would not write blind, reviewed like an upload."""

    list_display = ["page", "status", "parsed", "reason_short", "created_at", "review_link"]
    list_filter = ["status", "parsed"]
    list_select_related = ["page"]
    search_fields = ["page__url", "reason"]
    readonly_fields = ["page", "run", "sha256", "reason", "parsed", "created_at"]
    actions = ["dismiss"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("page__content")

    def get_urls(self):
        view = self.admin_site.admin_view(self.review_view)
        name = "harvest_reviewitem_review"
        return [path("<int:pk>/review/", view, name=name), *super().get_urls()]

    def has_add_permission(self, request):
        return False

    def has_view_permission(self, request, obj=None):
        """Staff who may ingest may see the queue they review from."""
        return request.user.has_perm(INGEST_PERMISSION) or super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return self.has_view_permission(request) or super().has_module_permission(request)

    @admin.display(description="reason")
    def reason_short(self, obj: ReviewItem) -> str:
        return obj.reason[:160]

    @admin.display(description="review")
    def review_link(self, obj: ReviewItem):
        url = reverse("admin:harvest_reviewitem_review", args=[obj.pk])
        return format_html('<a href="{}">Review</a>', url) if obj.parsed else "—"

    @admin.action(description="Dismiss the selected items", permissions=["change"])
    def dismiss(self, request, queryset):
        count = queryset.update(status=ReviewItem.Status.DISMISSED)
        self.message_user(request, f"Dismissed {count} item{'s' * (count != 1)}.")

    def review_view(self, request, pk: int):
        """Feed the stored bytes into the upload review page; its confirm posts back here."""
        if not request.user.has_perm(INGEST_PERMISSION):
            raise PermissionDenied
        release_admin = ReleaseUploadAdmin(Release, self.admin_site)
        if request.method == "POST" and "step" in request.POST:
            return release_admin.review_posted(request)
        item = get_object_or_404(ReviewItem.objects.select_related("page"), pk=pk)
        return self._first_review(request, release_admin, item)

    def _first_review(self, request, release_admin, item: ReviewItem):
        """Parse the harvested page and show it as an upload under review."""
        from statements.ingest.forms import Upload

        upload = Upload(name=item.page.url, source=bytes(item.page.content))
        try:
            parsed = parse_source(upload.source, source_name=upload.name)
        except IngestError as exc:
            messages.error(request, f"This page cannot be reviewed as a release: {exc}")
            return redirect("admin:harvest_reviewitem_changelist")
        return release_admin.review_sources(request, [(upload, parsed)])


@admin.register(HarvestedPage)
class HarvestedPageAdmin(admin.ModelAdmin):
    list_display = ["url", "fetched_at", "checked_at", "release", "sha256"]
    list_select_related = ["release"]
    search_fields = ["url", "sha256"]
    exclude = ["content"]
    readonly_fields = ["url", "sha256", "etag", "last_modified", "fetched_at", "checked_at",
                       "release"]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
