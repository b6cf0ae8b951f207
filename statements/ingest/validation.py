"""Check every value against what its column holds, before anything is written.

A value the database would refuse (a meeting number past 2^31, a 400-character "on behalf of",
a NUL character) becomes an error naming the field and the statement, never a database error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from meetings.models import Meeting, Release
from statements.ingest.speaker_names import display_name, name_key
from statements.models import Speaker, Statement

if TYPE_CHECKING:
    from statements.ingest.plan import IngestPlan

MAX_MEETING_NUMBER = 99_999
MAX_SESSION = 1_000
_STATEMENT_FIELDS = {
    "speaker": ("speaker_label", "speaker"),
    "delegation_label": ("delegation_label", "delegation"),
    "title": ("title", "title"),
    "on_behalf_of": ("on_behalf_of", "“on behalf of”"),
    "aligned_with": ("aligned_with", "“aligned with”"),
}


def validate_plan(plan: IngestPlan) -> bool:
    """Append an error for every value that cannot be stored as it stands; True when none."""
    errors = _metadata_errors(plan)
    for item in plan.statements:
        errors.extend(_statement_errors(item.parsed))
        if len(errors) > 20:
            errors.append("… and more: the file is probably not a press release.")
            break
    plan.errors.extend(errors)
    return not errors


def _max(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def _metadata_errors(plan: IngestPlan) -> list[str]:
    """Errors in the release's own values: meeting numbers, session, part, URL, text."""
    meta, errors = plan.metadata, []
    for n in meta.meetings:
        if not 0 < n <= MAX_MEETING_NUMBER:
            errors.append(
                f"Meeting number {n} is not a meeting number (1 to {MAX_MEETING_NUMBER:,})."
            )
    if meta.session is not None and not 0 < meta.session <= MAX_SESSION:
        errors.append(f"Session {meta.session} is not a session number (1 to {MAX_SESSION:,}).")
    if len(meta.part) > _max(Meeting, "part"):
        errors.append(
            f"The part “{meta.part[:40]}…” is longer than {_max(Meeting, 'part')} characters."
        )
    if len(meta.language) > _max(Release, "language"):
        errors.append(f"The language “{meta.language[:20]}” is not a language code.")
    errors.extend(_url_errors(meta.source_url))
    for name in ("symbol", "headline", "body", "part", "source_url"):
        if "\x00" in getattr(meta, name):
            errors.append(f"The {name.replace('_', ' ')} contains a NUL character (U+0000).")
    return errors


def _url_errors(url: str) -> list[str]:
    """The release's address must be a web address the URL column holds."""
    if not url:
        return []
    limit = _max(Release, "source_url")
    if len(url) > limit:
        return [f"The source URL is {len(url)} characters long; at most {limit} fit."]
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return [f"The source URL “{url[:80]}” is not a web address (http:// or https://)."]
    return []


def _statement_errors(parsed) -> list[str]:
    """Errors in one statement: over-long labels, names and titles, NUL characters."""
    where = f"Statement {parsed.sequence} (paragraph {parsed.paragraph})"
    errors = []
    for attr, (column, label) in _STATEMENT_FIELDS.items():
        value = getattr(parsed, attr) or ""
        limit = _max(Statement, column)
        if len(value) > limit:
            errors.append(
                f"{where}: its {label} is {len(value):,} characters long; at most {limit} fit "
                f"(“{value[:60]}…”)."
            )
    if parsed.speaker and (
        len(display_name(parsed.speaker)) > _max(Speaker, "name")
        or len(name_key(parsed.speaker)) > _max(Speaker, "name")
    ):
        errors.append(f"{where}: the speaker's name is too long to store.")
    texts = [parsed.text, *(getattr(parsed, attr) or "" for attr in _STATEMENT_FIELDS)]
    if any("\x00" in text for text in texts):
        errors.append(f"{where} contains a NUL character (U+0000); remove it and upload again.")
    if not parsed.text.strip():
        errors.append(f"{where} has no text.")
    return errors
