"""Find the stored release an upload updates, and refuse uploads that contradict it.

A release is identified by its symbol (or its bytes); updating it in place is right when the
upload is the same meeting. When the body, meeting numbers or date differ, the upload is another
meeting under a wrong symbol, or a genuine replacement: refused unless staff asked to replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetings.models import Meeting, Release, ordinal
from statements.ingest.metadata import ReleaseMetadata, format_value

if TYPE_CHECKING:
    from statements.ingest.plan import IngestPlan


def find_existing(plan: IngestPlan, *, replace: bool) -> None:
    """Find the release this upload updates, by symbol or by content; refuse conflicts."""
    by_symbol = Release.objects.with_meeting().filter(symbol=plan.metadata.symbol).first()
    by_hash = Release.objects.with_meeting().filter(content_hash=plan.content_hash).first()
    if by_symbol and by_hash and by_symbol != by_hash:
        plan.errors.append(
            f"This file is already in the archive as {by_hash.symbol}, but the symbol "
            f"{plan.metadata.symbol} belongs to another release. Check the symbol."
        )
        return
    plan.existing = by_symbol or by_hash
    if plan.existing:
        plan.changes.extend(metadata_changes(plan.existing, plan))
        _check_contradictions(plan, replace=replace)
    _check_meeting_overlap(plan, replace=replace)


def describe(meta: ReleaseMetadata) -> str:
    """The upload's meeting as staff read it: "Security Council 8019th meeting (12 Jun 2017)"."""
    numbers = " & ".join(ordinal(n) for n in meta.meetings)
    label = f"{numbers} meeting" if numbers else "no meeting number"
    when = f"{meta.date:%d %b %Y}" if meta.date else "no date"
    return f"{meta.body or 'unknown body'} {label} ({when})"


def contradictions(release: Release, meta: ReleaseMetadata) -> list[str]:
    """What makes the upload a different meeting from the stored release: body, numbers, date."""
    meeting = getattr(release, "meeting", None)
    if meeting is None:
        return []
    found = []
    if meta.body and meeting.body.name != meta.body and meeting.body.short_name != meta.body:
        found.append("body")
    if meta.meetings and meeting.numbers and tuple(meeting.numbers) != meta.meetings:
        found.append("meeting numbers")
    if meta.date and release.date != meta.date:
        found.append("date")
    return found


def _check_contradictions(plan: IngestPlan, *, replace: bool) -> None:
    """Refuse an upload that is another meeting than the release stored under its symbol."""
    plan.contradicts = contradictions(plan.existing, plan.metadata)
    if not plan.contradicts or replace:
        return
    stored = plan.existing.meeting
    plan.errors.append(
        f"{plan.existing.symbol} is already in the archive as {stored.body.name} {stored.label} "
        f"({stored.date:%d %b %Y}), but this upload is {describe(plan.metadata)}: the "
        f"{' and '.join(plan.contradicts)} differ. Check the symbol; to replace the stored "
        "meeting by this one, use “Replace release” and type its symbol."
    )


def _check_meeting_overlap(plan: IngestPlan, *, replace: bool) -> None:
    """Refuse a second release for the same numbered meeting and part; warn on partial overlap."""
    meta = plan.metadata
    if not meta.meetings or not meta.body:
        return
    others = Meeting.objects.filter(
        body__name=meta.body, session=meta.session, numbers__overlap=list(meta.meetings)
    ).select_related("release", "body")
    if meta.session is None and meta.date:
        # Without a session number (ECOSOC's and commissions' sessions are named by year),
        # meeting numbers start again each year: only the same year's numbers can be the same.
        others = others.filter(date__year=meta.date.year)
    if plan.existing:
        others = others.exclude(release=plan.existing)
    for other in others:
        same = tuple(other.numbers) == meta.meetings and other.part == meta.part
        message = f"Release {other.release.symbol} already covers {other}."
        if same and not replace:
            plan.errors.append(
                f"{message} This upload ({plan.metadata.symbol}) is the same meeting."
            )
        else:
            plan.warnings.append(message)


def metadata_changes(release: Release, plan: IngestPlan) -> list[str]:
    """Describe how the new metadata differs from what the archive holds."""
    meta, meeting = plan.metadata, getattr(release, "meeting", None)
    old = {
        "symbol": release.symbol,
        "date": release.date,
        "headline": release.headline,
        "body": meeting.body.name if meeting else "",
        "session": meeting.session if meeting else None,
        "meetings": tuple(meeting.numbers) if meeting else (),
        "part": meeting.part if meeting else "",
        "source_url": release.source_url,
    }
    changes = [
        f"{name.replace('_', ' ')}: “{format_value(old[name])}” → "
        f"“{format_value(getattr(meta, name))}”"
        for name in old
        if old[name] != getattr(meta, name)
        and not (name == "body" and not meta.body)
        and not (name == "source_url" and not meta.source_url)
    ]
    if release.content_hash != plan.content_hash:
        changes.append("the source file changed")
    return changes
