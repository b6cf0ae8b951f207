"""What staff see of the search index: each machine's indexer, its lag and its last error."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from statements.search.models import IndexerStatus


@admin.register(IndexerStatus)
class IndexerStatusAdmin(admin.ModelAdmin):
    """Read-only: run_indexer writes these rows."""

    list_display = [
        "node",
        "silent_for",
        "pending",
        "lag",
        "horizon",
        "last_error",
        "last_error_at",
    ]
    readonly_fields = [f.name for f in IndexerStatus._meta.fields]

    @admin.display(description="last heartbeat")
    def silent_for(self, obj: IndexerStatus) -> str:
        if obj.heartbeat_at is None:
            return "never"
        return f"{(timezone.now() - obj.heartbeat_at).total_seconds():.0f} s ago"

    @admin.display(description="lag")
    def lag(self, obj: IndexerStatus) -> str:
        return f"{obj.lag_seconds:.1f} s"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
