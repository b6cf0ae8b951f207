"""Admin edits that change what search shows record it in the outbox (same transaction)."""

from __future__ import annotations

from statements.search.index import outbox


class RecordsSearchChanges:
    """Mix into a ModelAdmin; `search_changes(obj)` names what the edit touches."""

    def search_changes(self, obj) -> dict:
        raise NotImplementedError

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        outbox.record(**self.search_changes(obj))

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        outbox.record(**self.search_changes(form.instance))

    def delete_model(self, request, obj) -> None:
        changes = self.search_changes(obj)
        super().delete_model(request, obj)
        outbox.record(**changes)

    def delete_queryset(self, request, queryset) -> None:
        changes: dict[str, list] = {}
        for obj in queryset:
            for key, ids in self.search_changes(obj).items():
                changes.setdefault(key, []).extend(ids)
        super().delete_queryset(request, queryset)
        outbox.record(**changes)
