"""Admin for bodies, releases, meetings and the ingestion log.

Bodies and meetings are registered here; releases by the app that extends their admin (meetings
imports no other app): statements/ingest/admin.py (with the upload and review pages). Edits made
here reach the search index through the outbox triggers (statements/search/migrations/0003).
"""

from django.contrib import admin

from meetings.models import Body, Ingestion, Meeting
from meetings.versions import meeting_save, meetings_delete, releases_delete


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "symbol_prefix", "kind", "parent", "position"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "symbol_prefix"]
    prepopulated_fields = {"slug": ["name"]}


class IngestionInline(admin.TabularInline):
    model = Ingestion
    extra = 0
    can_delete = False
    fields = ["at", "action", "user", "via", "source_name", "parser_version", "content_hash"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ReleaseAdmin(admin.ModelAdmin):
    list_display = ["symbol", "date", "headline", "language", "parser_version", "ingested_at"]
    list_filter = ["language", "date_inferred", "parser_version", "meeting__body"]
    search_fields = ["symbol", "headline"]
    date_hierarchy = "date"
    readonly_fields = [
        "content_hash",
        "source_name",
        "source_format",
        "parser_version",
        "ingested_by",
        "first_ingested_at",
        "ingested_at",
    ]
    list_display_links = ["symbol"]
    inlines = [IngestionInline]

    # Deleting one version of a sitting makes the other primary again (meetings/versions.py).
    def delete_model(self, request, obj):
        releases_delete(releases=[obj])

    def delete_queryset(self, request, queryset):
        releases_delete(releases=queryset)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "body", "session", "meeting_numbers", "part", "date", "release"]
    list_filter = ["body", "session"]
    list_select_related = ["body", "release"]
    search_fields = ["title", "release__symbol"]
    date_hierarchy = "date"
    raw_id_fields = ["release"]

    readonly_fields = ["primary_version", "other_languages"]

    def save_model(self, request, obj, form, change):
        meeting_save(meeting=obj)

    def delete_model(self, request, obj):
        meetings_delete(meetings=[obj])

    def delete_queryset(self, request, queryset):
        meetings_delete(meetings=queryset)

    @admin.display(description="Meetings", ordering="numbers")
    def meeting_numbers(self, meeting: Meeting) -> str:
        return ", ".join(map(str, meeting.numbers))


@admin.register(Ingestion)
class IngestionAdmin(admin.ModelAdmin):
    list_display = ["release", "action", "at", "user", "via", "parser_version"]
    list_filter = ["action", "via", "parser_version"]
    list_select_related = ["release", "user"]
    search_fields = ["release__symbol", "source_name", "content_hash"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in Ingestion._meta.fields]

    def has_add_permission(self, request):
        return False
