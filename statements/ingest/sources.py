"""Read uploaded bytes into a parse, and ingest one file: the path the command and tests share."""

from __future__ import annotations

from django.conf import settings

from statements.ingest.errors import IngestError
from statements.ingest.write import IngestResult, ingest_release
from statements.parsing import ParsedRelease, ParseError, parse_press_release


def size_error(size: int, source_name: str) -> str | None:
    """The refusal of a file over MAX_RELEASE_BYTES, the same limit for the admin and command."""
    limit = settings.MAX_RELEASE_BYTES
    if size <= limit:
        return None
    return (
        f"{source_name}: the file is {size / 1_048_576:.1f} MB; "
        f"the limit is {limit / 1_048_576:.0f} MB."
    )


def parse_source(source: bytes, *, source_name: str) -> ParsedRelease:
    """Parse uploaded bytes, turning every refusal into an IngestError that names the file."""
    if message := size_error(len(source), source_name):
        raise IngestError(message)
    try:
        return parse_press_release(source, filename=source_name)
    except ParseError as exc:
        raise IngestError(f"{source_name}: {exc}") from exc


def ingest_source(
    *,
    source: bytes,
    source_name: str,
    overrides: dict | None = None,
    user=None,
    via: str,
    replace: bool = False,
) -> IngestResult:
    """Parse and write one file: the path shared by the command and bulk uploads."""
    parsed = parse_source(source, source_name=source_name)
    try:
        return ingest_release(
            parsed=parsed,
            source=source,
            source_name=source_name,
            overrides=overrides,
            user=user,
            via=via,
            replace=replace,
        )
    except IngestError as exc:
        raise IngestError(f"{source_name}: {exc}") from exc
