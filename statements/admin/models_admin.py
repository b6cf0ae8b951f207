"""Admin for delegations, speakers, statements and themes."""

from django.contrib import admin, messages
from django.shortcuts import render

from statements.ingest.alias_forms import AliasFormSet, DelegationAliasForm, SpeakerAliasForm
from statements.ingest.speaker_merge import speaker_merge, speaker_unmerge
from statements.models import (
    Delegation,
    DelegationAlias,
    Speaker,
    SpeakerAlias,
    SpeakerRedirect,
    Statement,
)
from statements.search.index.admin_changes import RecordsSearchChanges
from statements.themes.admin import StatementThemeTagInline


class DelegationAliasInline(admin.TabularInline):
    model = DelegationAlias
    form = DelegationAliasForm
    formset = AliasFormSet
    extra = 1
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]


@admin.register(Delegation)
class DelegationAdmin(RecordsSearchChanges, admin.ModelAdmin):
    def search_changes(self, obj) -> dict:
        return {"delegation_ids": [obj.pk]}

    list_display = ["name", "code", "kind", "region", "subregion"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "code", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DelegationAliasInline]


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    form = SpeakerAliasForm
    formset = AliasFormSet
    extra = 0
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]


class SpeakerRedirectInline(admin.TabularInline):
    model = SpeakerRedirect
    extra = 0


@admin.register(Speaker)
class SpeakerAdmin(RecordsSearchChanges, admin.ModelAdmin):
    def search_changes(self, obj) -> dict:
        return {"speaker_ids": [obj.pk, obj.merged_into_id]}

    list_display = ["name", "slug", "merged_into", "created_at"]
    list_filter = [("merged_into", admin.EmptyFieldListFilter)]
    list_select_related = ["merged_into"]
    search_fields = ["name", "aliases__name", "slug"]
    # Set and cleared only by the merge and undo actions: clearing it by hand left the speaker
    # without its statements, aliases and old slugs (an empty page).
    readonly_fields = ["merged_into"]
    inlines = [SpeakerAliasInline, SpeakerRedirectInline]
    actions = ["merge_speakers", "undo_merge"]

    @admin.action(description="Undo the merge of selected speakers", permissions=["change"])
    def undo_merge(self, request, queryset):
        """Give each selected merged speaker back its statements, aliases and old slugs."""
        for speaker in queryset.filter(merged_into__isnull=False):
            try:
                moved = speaker_unmerge(source=speaker)
            except ValueError as exc:
                self.message_user(request, str(exc), messages.ERROR)
            else:
                self.message_user(request, f"{speaker}: merge undone, {moved} statement(s) back.")

    @admin.action(description="Merge selected speakers (same person)", permissions=["change"])
    def merge_speakers(self, request, queryset):
        """Merge the selected speakers into the one chosen on a confirmation page."""
        speakers = list(queryset.filter(merged_into__isnull=True).order_by("name"))
        if len(speakers) < 2:
            self.message_user(request, "Select at least two speakers.", messages.WARNING)
            return None
        target_id = request.POST.get("target")
        target = next((s for s in speakers if str(s.pk) == target_id), None)
        if target is None:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "speakers": speakers,
                "title": "Merge speakers",
            }
            return render(request, "admin/statements/speaker/merge.html", context)
        moved = sum(speaker_merge(source=s, target=target) for s in speakers if s != target)
        merged = len(speakers) - 1
        self.message_user(request, f"Merged {merged} speaker(s) into {target}; {moved} moved.")
        return None


@admin.register(Statement)
class StatementAdmin(RecordsSearchChanges, admin.ModelAdmin):
    def search_changes(self, obj) -> dict:
        return {"statement_ids": [obj.pk]}

    list_display = ["id", "date", "kind", "speaker_label", "delegation", "title", "meeting"]
    list_filter = ["kind", "meeting__body", "delegation__kind", "date"]
    list_select_related = ["delegation", "meeting__body", "meeting__release"]
    search_fields = ["speaker_label", "delegation_label", "text", "meeting__release__symbol"]
    date_hierarchy = "date"
    raw_id_fields = ["meeting", "speaker", "delegation", "on_behalf_of_delegation", "summary_of"]
    inlines = [StatementThemeTagInline]
    show_full_result_count = False


# ThemeAdmin (rules inline, preview, re-tag) lives in statements/themes/admin.py.
