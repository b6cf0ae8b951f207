"""What staff see of the search index: each machine's indexer (an outbox consumer), its lag,
its position and its last error, and how far the outbox was pruned."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from statements.search.index import consumers
from statements.search.models import IndexerStatus, OutboxWatermark


@admin.register(IndexerStatus)
class IndexerStatusAdmin(admin.ModelAdmin):
    """Read-only: run_indexer writes these rows."""

    list_display = [
        "node",
        "silent_for",
        "pending",
        "lag",
        "position",
        "distance",
        "holds_outbox",
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

    @admin.display(description="xids behind the primary")
    def distance(self, obj: IndexerStatus) -> str:
        if obj.position is None:
            return "-"
        return f"{consumers.current_xmin() - obj.position:,}"

    @admin.display(description="holds the outbox", boolean=True)
    def holds_outbox(self, obj: IndexerStatus) -> bool:
        return consumers.live().filter(pk=obj.pk).exists()

    def changelist_view(self, request, extra_context=None):
        """Say how far the outbox was pruned above the list."""
        mark = OutboxWatermark.objects.filter(pk=1).first()
        if mark is not None:
            self.message_user(
                request,
                f"Outbox {mark}, {mark.deleted:,} entries at the last prune "
                f"({mark.pruned_at:%Y-%m-%d %H:%M} UTC); a consumer below rebuilds.",
            )
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
