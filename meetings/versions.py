"""The versions of one sitting: which release of it counts, kept on its Meeting rows.

Where the archive holds the English and the French release of one sitting (same body, session,
meeting numbers, part and date: MeetingQuerySet.same_sitting), the same speeches exist twice.
Every meeting of a sitting stores the languages of the sitting's other versions
(`other_languages`) and whether it is the sitting's primary version (`primary_version`): the
one in the sitting's first language by `languages.rank` (English where it exists). Releases in
the same language are not versions of each other: each stays primary.

Called inside the transaction of every write that adds, moves or deletes a meeting (ingestion,
the admin), never from a signal. Rows change only where a value changed, so the search index's
outbox (statements/search/migrations/0006) names only the statements whose version changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet

from meetings import languages
from meetings.models import Meeting, Release


def meeting_versions_update(*, meetings: Iterable[Meeting]) -> int:
    """Recompute the versions of these meetings' sittings; return the meetings changed."""
    changed, done = 0, set()
    for meeting in meetings:
        if meeting.pk is None or meeting.pk in done:
            continue
        sitting = list(Meeting.objects.same_sitting(meeting).select_related("release"))
        done.update(m.pk for m in sitting)
        changed += _update_sitting(sitting)
    return changed


def _update_sitting(sitting: list[Meeting]) -> int:
    """Set each version's other languages and primary flag; return how many rows changed."""
    language = {m.pk: languages.for_release(m.release.language).code for m in sitting}
    first = min(map(languages.rank, language.values()), default=0)
    changed = 0
    for meeting in sitting:
        others = sorted({code for code in language.values() if code != language[meeting.pk]})
        primary = languages.rank(language[meeting.pk]) == first
        if (meeting.other_languages, meeting.primary_version) != (others, primary):
            Meeting.objects.filter(pk=meeting.pk).update(
                other_languages=others, primary_version=primary
            )
            changed += 1
    return changed


def sitting_members(meeting: Meeting | None) -> list[Meeting]:
    """The meetings of a meeting's sitting now (before a write moves or deletes it)."""
    if meeting is None or meeting.pk is None:
        return []
    return list(Meeting.objects.same_sitting(meeting).exclude(pk=meeting.pk))


def releases_delete(*, releases: Iterable[Release]) -> int:
    """Delete releases (their meetings and statements with them); the sittings' other versions
    become primary again where they now stand alone. Return the releases deleted."""
    ids = [release.pk for release in releases]
    return _delete(
        going=Meeting.objects.filter(release__in=ids), rows=Release.objects.filter(pk__in=ids)
    )


def meeting_save(*, meeting: Meeting) -> None:
    """Save a meeting edited by hand (its date, numbers...): both its old and new sittings."""
    with transaction.atomic():
        before = sitting_members(Meeting.objects.filter(pk=meeting.pk).first())
        meeting.save()
        meeting_versions_update(meetings=[meeting, *before])


def meetings_delete(*, meetings: Iterable[Meeting]) -> int:
    """Delete meetings (and their statements); their sittings' other versions are updated."""
    ids = [meeting.pk for meeting in meetings]
    going = Meeting.objects.filter(pk__in=ids)
    return _delete(going=going, rows=going)


def _delete(*, going: QuerySet, rows: QuerySet) -> int:
    """Delete the rows (which take the `going` meetings with them) and update the versions of
    the sittings those meetings leave; return how many of the rows' own kind went."""
    with transaction.atomic():
        others = _others(going)
        deleted = rows.delete()[1]
        meeting_versions_update(meetings=others)
        return deleted.get(rows.model._meta.label, 0)


def _others(going: Iterable[Meeting]) -> list[Meeting]:
    """The meetings that share a sitting with the ones going and stay."""
    going = list(going)
    gone = {meeting.pk for meeting in going}
    return [m for meeting in going for m in sitting_members(meeting) if m.pk not in gone]
