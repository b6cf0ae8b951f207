"""The meeting metadata an ingest writes: the parse, with staff corrections laid over it."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from meetings import languages
from statements.parsing import ParsedRelease

# Browser-title suffixes that text copies keep in their headline ("... | Meetings Coverage ...").
_TITLE_SUFFIX = re.compile(
    r"\s*[|–—]\s*(?:Meetings Coverage and Press Releases|UN Press|United Nations)\s*$",
    re.IGNORECASE,
)
_PAGE_URL = re.compile(
    r"""<(?:link[^>]*rel=["']canonical["'][^>]*href|meta[^>]*property=["']og:url["'][^>]*content)"""
    r"""=["'](?P<url>[^"'<>\s]+)["']""",
    re.IGNORECASE,
)
_ARCHIVED = re.compile(
    r"^(?:https?://web\.archive\.org)?/web/\d{8,14}[a-z_]*/(?P<url>https?://.+)$"
)
_HEAD_BYTES = 200_000
UN_HOSTS = ("un.org",)


@dataclass(frozen=True)
class ReleaseMetadata:
    """The meeting metadata that will be written, after staff corrections."""

    symbol: str
    date: date | None
    date_inferred: bool
    date_confirmed: bool
    body: str
    session: int | None
    meetings: tuple[int, ...]
    part: str
    headline: str
    language: str
    source_url: str = ""


def metadata_from_parse(
    parsed: ParsedRelease, overrides: dict | None = None, *, source: bytes = b""
) -> ReleaseMetadata:
    """The parse's meeting metadata with staff corrections applied on top."""
    meeting = parsed.meeting
    values = ReleaseMetadata(
        symbol=(meeting.symbol or "").strip(),
        date=meeting.date,
        date_inferred=meeting.date_inferred,
        date_confirmed=not meeting.date_inferred,
        body=meeting.body or "",
        session=meeting.session,
        meetings=tuple(meeting.meetings),
        part=meeting.part or "",
        headline=_TITLE_SUFFIX.sub("", meeting.headline or "").strip(),
        language=meeting.language or languages.DEFAULT,
        source_url=page_url(source),
    )
    overrides = {k: v for k, v in (overrides or {}).items() if v not in (None, "", ())}
    if "date" in overrides:
        # A date staff typed answers "no date found": it is the printed date's stand-in.
        overrides["date_confirmed"] = True
        overrides.setdefault("date_inferred", meeting.date is None or meeting.date_inferred)
    if overrides.pop("confirm_date", None):
        overrides["date_confirmed"] = True
    if "meetings" in overrides:
        overrides["meetings"] = tuple(overrides["meetings"])
    known = set(ReleaseMetadata.__dataclass_fields__)
    return replace(values, **{k: v for k, v in overrides.items() if k in known})


def page_url(source: bytes) -> str:
    """The page's own address from its canonical link or og:url, undoing web-archive rewriting."""
    head = source[:_HEAD_BYTES].decode("utf-8", errors="replace")
    found = _PAGE_URL.search(head)
    if not found:
        return ""
    url = found.group("url").replace("&amp;", "&")
    archived = _ARCHIVED.match(url)
    return archived.group("url") if archived else url


def is_un_address(url: str, trusted_hosts: Collection[str] = ()) -> bool:
    """True when the address is on un.org (press.un.org, www.un.org ...) or a trusted host."""
    host = (urlsplit(url).hostname or "").lower()
    hosts = (*UN_HOSTS, *(h.lower() for h in trusted_hosts))
    return any(host == h or host.endswith("." + h) for h in hosts)


def format_value(value) -> str:
    """Show a metadata value the way staff read it: meeting numbers as "8019, 8020"."""
    if isinstance(value, tuple | list):
        return ", ".join(map(str, value)) or "none"
    return "none" if value in (None, "") else str(value)
