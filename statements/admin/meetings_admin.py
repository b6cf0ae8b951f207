"""The meetings app's admins, with their edits recorded for the search index.

`meetings` never imports `statements`, so its admins know nothing of the index; they are
registered here, with RecordsSearchChanges: a body or meeting edited or deleted in the admin
re-indexes its meetings' statements (the index holds body slugs, dates and meeting ids), and the
index's commit refreshes every cached page. (Releases: the upload admin in
statements/ingest/admin.py does the same.)
"""

from __future__ import annotations

from django.contrib import admin

from meetings.admin import BodyAdmin, MeetingAdmin
from meetings.models import Body, Meeting
from statements.search.index.admin_changes import RecordsSearchChanges


def meeting_ids(**where) -> list[int]:
    """Read now: on a delete the rows are gone by the time the outbox entry is written."""
    return list(Meeting.objects.filter(**where).values_list("pk", flat=True))


class IndexedBodyAdmin(RecordsSearchChanges, BodyAdmin):
    def search_changes(self, body: Body) -> dict:
        return {"meeting_ids": meeting_ids(body=body)}


class IndexedMeetingAdmin(RecordsSearchChanges, MeetingAdmin):
    def search_changes(self, meeting: Meeting) -> dict:
        return {"meeting_ids": [meeting.pk]}


admin.site.register(Body, IndexedBodyAdmin)
admin.site.register(Meeting, IndexedMeetingAdmin)
