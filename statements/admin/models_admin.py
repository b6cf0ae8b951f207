"""Admin for delegations, speakers, statements and themes."""

from django.contrib import admin

from statements.models import (
    Delegation,
    DelegationAlias,
    Speaker,
    SpeakerAlias,
    SpeakerRedirect,
    Statement,
    StatementTheme,
    Theme,
    ThemeRule,
)


class DelegationAliasInline(admin.TabularInline):
    model = DelegationAlias
    extra = 1
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "region", "subregion"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "code", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DelegationAliasInline]


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 0
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]


class SpeakerRedirectInline(admin.TabularInline):
    model = SpeakerRedirect
    extra = 0


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "merged_into", "created_at"]
    list_filter = [("merged_into", admin.EmptyFieldListFilter)]
    list_select_related = ["merged_into"]
    search_fields = ["name", "aliases__name", "slug"]
    raw_id_fields = ["merged_into"]
    inlines = [SpeakerAliasInline, SpeakerRedirectInline]


class StatementThemeInline(admin.TabularInline):
    model = StatementTheme
    extra = 0
    fields = ["theme", "source", "rule", "is_removal"]
    raw_id_fields = ["rule"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["id", "date", "kind", "speaker_label", "delegation", "title", "meeting"]
    list_filter = ["kind", "meeting__body", "delegation__kind", "date"]
    list_select_related = ["delegation", "meeting__body", "meeting__release"]
    search_fields = ["speaker_label", "delegation_label", "text", "meeting__release__symbol"]
    date_hierarchy = "date"
    raw_id_fields = ["meeting", "speaker", "delegation", "on_behalf_of_delegation", "summary_of"]
    inlines = [StatementThemeInline]
    show_full_result_count = False


class ThemeRuleInline(admin.TabularInline):
    model = ThemeRule
    extra = 1


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "position"]
    list_filter = [("parent", admin.EmptyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ThemeRuleInline]
