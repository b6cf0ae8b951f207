"""The one write path for press releases: plan what a parse would change, then write it atomically.

The admin, the management commands and the tests all go through ``plan_release`` (read-only, for the
review step) and ``ingest_release`` (one transaction). Re-ingesting a release updates it in place:
the release, its meeting, and every statement that is still there keep their ids, so no URL breaks.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from django.db import transaction
from django.utils.text import slugify

from meetings.models import Body, Ingestion, Meeting, Release
from statements.models import (
    Delegation,
    RetiredStatement,
    Speaker,
    SpeakerAlias,
    Statement,
)
from statements.parsing import (
    PARSER_VERSION,
    ParsedRelease,
    ParsedStatement,
    ParseError,
    parse_press_release,
)
from statements.reference import normalize_name
from statements.resolution import Resolver, SpeakerMatch
from statements.search_index import outbox as search_outbox
from statements.speaker_names import display_name, name_key, speaker_slug
from statements.tagging import tag_meeting


class IngestError(Exception):
    """The release cannot be written; the message says why, for staff to act on."""


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


@dataclass
class PlannedStatement:
    """One parsed statement with what its names resolve to."""

    parsed: ParsedStatement
    delegation: Delegation | None
    speaker: SpeakerMatch | None
    on_behalf_of_delegation: Delegation | None
    existing: Statement | None = None


@dataclass
class IngestPlan:
    """What writing a parsed release would do; computed without writing anything."""

    parsed: ParsedRelease
    metadata: ReleaseMetadata
    source: bytes
    source_name: str
    content_hash: str
    statements: list[PlannedStatement]
    existing: Release | None
    retired: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def new_speakers(self) -> list[SpeakerMatch]:
        seen = {}
        for item in self.statements:
            if item.speaker and item.speaker.is_new:
                seen.setdefault(
                    (name_key(item.speaker.printed), _pk(item.delegation)), item.speaker
                )
        return list(seen.values())


@dataclass(frozen=True)
class IngestResult:
    """What an ingest wrote, as counts staff can read ("Created 3 speakers, 40 statements")."""

    release: Release
    action: str
    counts: dict[str, int]
    changes: tuple[str, ...]
    warnings: tuple[str, ...]

    def summary(self) -> str:
        """One line for messages and command output."""
        counts = ", ".join(f"{n} {what}" for what, n in self.counts.items() if n)
        return f"{self.release.symbol}: {self.action}" + (f" ({counts})" if counts else "")


def content_hash(source: bytes) -> str:
    """SHA-256 of the original bytes."""
    return hashlib.sha256(source).hexdigest()


def metadata_from_parse(parsed: ParsedRelease, overrides: dict | None = None) -> ReleaseMetadata:
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
        headline=meeting.headline or "",
        language=meeting.language or "en",
    )
    overrides = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    if "date" in overrides or overrides.get("confirm_date"):
        overrides["date_confirmed"] = True
    overrides.pop("confirm_date", None)
    if "meetings" in overrides:
        overrides["meetings"] = tuple(overrides["meetings"])
    return replace(values, **overrides)


def plan_release(
    *,
    parsed: ParsedRelease,
    source: bytes,
    source_name: str,
    overrides: dict | None = None,
) -> IngestPlan:
    """Resolve names, find the release this updates, and list warnings, errors and changes."""
    metadata = metadata_from_parse(parsed, overrides)
    digest = content_hash(source)
    plan = IngestPlan(
        parsed=parsed,
        metadata=metadata,
        source=source,
        source_name=source_name,
        content_hash=digest,
        statements=_resolve_statements(parsed.statements),
        existing=None,
        warnings=list(parsed.warnings),
        errors=list(parsed.errors),
    )
    _check_metadata(plan)
    _find_existing(plan)
    _check_names(plan)
    if plan.existing:
        _match_existing_statements(plan)
    return plan


def _resolve_statements(parsed: tuple[ParsedStatement, ...]) -> list[PlannedStatement]:
    """Resolve every statement's delegation and speaker with a fixed number of queries."""
    resolver = Resolver()
    planned = [
        PlannedStatement(
            parsed=item,
            delegation=resolver.delegation(item.delegation_label, item.delegation_code),
            speaker=None,
            on_behalf_of_delegation=resolver.delegation(item.on_behalf_of),
        )
        for item in parsed
    ]
    pairs = [(p.parsed.speaker, p.delegation) for p in planned if p.parsed.speaker]
    matches = resolver.speakers(pairs)
    for p in planned:
        if p.parsed.speaker:
            p.speaker = matches[(p.parsed.speaker, _pk(p.delegation))]
    return planned


def _check_metadata(plan: IngestPlan) -> None:
    """Refuse what cannot be written: no symbol, no date, unconfirmed guesses, no statements."""
    meta = plan.metadata
    if not meta.symbol:
        plan.errors.append("The release has no symbol (e.g. GA/12388): enter it to continue.")
    elif len(meta.symbol) > 60 or not any(ch.isdigit() for ch in meta.symbol):
        plan.errors.append(f"“{meta.symbol[:80]}” does not look like a press release symbol.")
    if meta.date is None:
        plan.errors.append("The release has no date and none could be inferred: enter it.")
    elif not meta.date_confirmed:
        plan.errors.append(
            f"The date {meta.date:%d %B %Y} was inferred, not printed: confirm or correct it."
        )
    if not meta.body:
        plan.errors.append("The UN body could not be recognised: choose it.")
    if not any(s.parsed.kind != "summary" for s in plan.statements):
        plan.errors.append("No statements were found in this release.")


def _find_existing(plan: IngestPlan) -> None:
    """Find the release this upload updates, by symbol or by content; refuse conflicts."""
    by_symbol = Release.objects.filter(symbol=plan.metadata.symbol).first()
    by_hash = Release.objects.filter(content_hash=plan.content_hash).first()
    if by_symbol and by_hash and by_symbol != by_hash:
        plan.errors.append(
            f"This file is already in the archive as {by_hash.symbol}, but the symbol "
            f"{plan.metadata.symbol} belongs to another release. Check the symbol."
        )
        return
    plan.existing = by_symbol or by_hash
    if plan.existing:
        plan.changes.extend(_metadata_changes(plan.existing, plan))
    _check_meeting_overlap(plan)


def _metadata_changes(release: Release, plan: IngestPlan) -> list[str]:
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
    }
    changes = [
        f"{name}: “{old[name]}” → “{getattr(meta, name)}”"
        for name in old
        if old[name] != getattr(meta, name) and not (name == "body" and not meta.body)
    ]
    if release.content_hash != plan.content_hash:
        changes.append("the source file changed")
    return changes


def _check_meeting_overlap(plan: IngestPlan) -> None:
    """Warn when another release already covers the same numbered meeting."""
    meta = plan.metadata
    if not meta.meetings or not meta.body:
        return
    others = Meeting.objects.filter(
        body__name=meta.body, session=meta.session, numbers__overlap=list(meta.meetings)
    ).select_related("release")
    if plan.existing:
        others = others.exclude(release=plan.existing)
    for other in others:
        plan.warnings.append(f"Release {other.release.symbol} already covers {other}.")


def _check_names(plan: IngestPlan) -> None:
    """Warn about unknown delegations and new speakers that resemble existing ones."""
    for label, n in Counter(
        s.parsed.delegation_label
        for s in plan.statements
        if s.parsed.delegation_label and not s.delegation
    ).items():
        plan.warnings.append(f"Unknown delegation “{label}” ({n} statement{'s' * (n > 1)}).")
    for match in plan.new_speakers:
        for near in match.near:
            plan.warnings.append(
                f"New speaker “{display_name(match.printed)}” resembles “{near.name}” "
                f"(/speakers/{near.slug}/): merge them in the admin if they are the same person."
            )


def _statement_key(kind: str, delegation_id, delegation_label: str, speaker_label: str) -> tuple:
    """What identifies 'the same statement' across two parses of one release."""
    who = delegation_id or normalize_name(delegation_label or "")
    return (kind, who, name_key(speaker_label or ""))


def _match_existing_statements(plan: IngestPlan) -> None:
    """Pair new statements with the stored ones they replace, so their ids stay."""
    meeting = Meeting.objects.filter(release=plan.existing).first()
    stored = list(meeting.statements.order_by("sequence")) if meeting else []
    pool = defaultdict(list)
    for statement in stored:
        key = _statement_key(
            statement.kind,
            statement.delegation_id,
            statement.delegation_label,
            statement.speaker_label,
        )
        pool[key].append(statement)
    changed = 0
    for item in plan.statements:
        p = item.parsed
        key = _statement_key(
            p.kind, _pk(item.delegation), p.delegation_label or "", p.speaker or ""
        )
        if pool[key]:
            item.existing = pool[key].pop(0)
            changed += item.existing.text != p.text
    plan.retired = [s for group in pool.values() for s in group]
    added = sum(1 for s in plan.statements if s.existing is None)
    for n, what in ((added, "added"), (len(plan.retired), "removed"), (changed, "with new text")):
        if n:
            plan.changes.append(f"{n} statement{'s' * (n > 1)} {what}")


def _pk(obj) -> int | None:
    return obj.pk if obj is not None else None


def ingest_release(
    *,
    parsed: ParsedRelease,
    source: bytes,
    source_name: str,
    overrides: dict | None = None,
    user=None,
    via: str = "admin",
) -> IngestResult:
    """Write a parsed release in one transaction, updating it in place if it exists."""
    with transaction.atomic():
        _lock_symbols(parsed, overrides)
        plan = plan_release(
            parsed=parsed, source=source, source_name=source_name, overrides=overrides
        )
        if not plan.is_valid:
            raise IngestError(" ".join(plan.errors))
        if _is_unchanged(plan):
            return _record(plan, plan.existing, "unchanged", {}, user, via)
        release = _write_release(plan, user)
        meeting = _write_meeting(plan, release)
        counts = _write_statements(plan, meeting)
        tag_meeting(meeting)
        search_outbox.record(meeting_ids=[meeting.pk])  # re-index it, retired rows too
        action = "updated" if plan.existing else "created"
        return _record(plan, release, action, counts, user, via)


def _lock_symbols(parsed: ParsedRelease, overrides: dict | None) -> None:
    """Serialize concurrent ingests of the same symbol with a transaction-level advisory lock."""
    from django.db import connection

    symbol = (overrides or {}).get("symbol") or parsed.meeting.symbol or ""
    with connection.cursor() as cursor:
        # Shared with other ingests, exclusive against a full re-tag (statements.tagging).
        cursor.execute("SELECT pg_advisory_xact_lock_shared(hashtext('statements.retag'))")
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"release:{symbol}"])


def _is_unchanged(plan: IngestPlan) -> bool:
    """Same bytes, same parser, same metadata: nothing to write."""
    existing = plan.existing
    return bool(
        existing
        and existing.content_hash == plan.content_hash
        and existing.parser_version == PARSER_VERSION
        and not plan.changes
    )


def _write_release(plan: IngestPlan, user) -> Release:
    """Create or update the release row with its source and provenance."""
    meta = plan.metadata
    release = plan.existing or Release()
    release.symbol = meta.symbol
    release.date = meta.date
    release.date_inferred = meta.date_inferred
    release.headline = meta.headline
    release.language = meta.language
    release.source = plan.source
    release.source_name = plan.source_name[:255]
    release.source_format = plan.parsed.source_format
    release.content_hash = plan.content_hash
    release.parser_version = PARSER_VERSION
    release.ingested_by = user if getattr(user, "pk", None) else None
    release.save()
    return release


def _write_meeting(plan: IngestPlan, release: Release) -> Meeting:
    """Create or update the meeting the release covers."""
    meta = plan.metadata
    meeting = Meeting.objects.filter(release=release).first() or Meeting(release=release)
    meeting.body = _body(meta.body, meta.symbol)
    meeting.session = meta.session
    meeting.numbers = list(meta.meetings)
    meeting.part = meta.part
    meeting.date = meta.date
    meeting.title = meta.headline
    meeting.save()
    return meeting


def _body(name: str, symbol: str) -> Body:
    """The body by name, else by symbol prefix, else a new one (bodies come as they come)."""
    if found := Body.objects.get_by_name(name):
        return found
    prefix = symbol.rsplit("/", 1)[0] if "/" in symbol else ""
    if prefix and (found := Body.objects.filter(symbol_prefix=prefix).first()):
        return found
    slug = slugify(name)[:80] or "body"
    body, _ = Body.objects.get_or_create(slug=slug, defaults={"name": name})
    return body


def _write_statements(plan: IngestPlan, meeting: Meeting) -> dict[str, int]:
    """Create, update and retire statements in bulk; link summaries to their statements."""
    speakers, created_speakers = _write_speakers(plan)
    to_create, to_update = [], []
    for item in plan.statements:
        statement = item.existing or Statement(meeting=meeting)
        _fill_statement(statement, item, meeting, speakers)
        (to_update if item.existing else to_create).append(statement)
    _retire(plan.retired, meeting)
    fields = list(_STATEMENT_FIELDS)
    Statement.objects.bulk_update(to_update, fields, batch_size=500)
    Statement.objects.bulk_create(to_create, batch_size=500)
    _link_summaries(plan, to_update + to_create)
    return {
        "speakers created": created_speakers,
        "statements created": len(to_create),
        "statements updated": len(to_update),
        "statements retired": len(plan.retired),
    }


_STATEMENT_FIELDS = [
    "sequence",
    "kind",
    "date",
    "speaker",
    "speaker_label",
    "delegation",
    "delegation_label",
    "title",
    "on_behalf_of",
    "on_behalf_of_delegation",
    "aligned_with",
    "summary_of",
    "text",
]


def _fill_statement(statement: Statement, item: PlannedStatement, meeting: Meeting, speakers):
    """Copy one parsed statement and its resolved links onto a row."""
    p = item.parsed
    statement.sequence = p.sequence
    statement.kind = p.kind
    statement.date = meeting.date
    statement.speaker = (
        speakers.get((name_key(p.speaker), _pk(item.delegation))) if p.speaker else None
    )
    statement.speaker_label = p.speaker or ""
    statement.delegation = item.delegation
    statement.delegation_label = p.delegation_label or ""
    statement.title = p.title or ""
    statement.on_behalf_of = p.on_behalf_of or ""
    statement.on_behalf_of_delegation = item.on_behalf_of_delegation
    statement.aligned_with = p.aligned_with or ""
    statement.summary_of = None
    statement.text = p.text


def _write_speakers(plan: IngestPlan) -> tuple[dict[tuple, Speaker], int]:
    """Create the new speakers and record every printed spelling as an alias."""
    speakers = {}
    new = []
    for item in plan.statements:
        if not item.speaker:
            continue
        key = (name_key(item.speaker.printed), _pk(item.delegation))
        if key in speakers:
            continue
        speaker = item.speaker.speaker
        if speaker is None:
            speaker = Speaker(name=display_name(item.speaker.printed))
            new.append((speaker, item.speaker.printed))
        speakers[key] = speaker
    _assign_slugs([speaker for speaker, _ in new])
    Speaker.objects.bulk_create([speaker for speaker, _ in new])
    aliases = [
        SpeakerAlias(
            speaker=speaker, name=item.speaker.printed, normalized=name_key(item.speaker.printed)
        )
        for item in plan.statements
        if item.speaker
        for speaker in [speakers[(name_key(item.speaker.printed), _pk(item.delegation))]]
    ]
    SpeakerAlias.objects.bulk_create(aliases, ignore_conflicts=True)
    return speakers, len(new)


def _assign_slugs(speakers: list[Speaker]) -> None:
    """Give each new speaker a unique slug: the name, then name-2, name-3 ..."""
    bases = {speaker_slug(s.name) for s in speakers}
    taken = set()
    for base in bases:
        taken |= set(Speaker.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    for speaker in speakers:
        base = speaker_slug(speaker.name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        speaker.slug = slug
        taken.add(slug)


def _retire(statements: list[Statement], meeting: Meeting) -> None:
    """Delete statements a re-ingest no longer has; their permalinks lead to the meeting."""
    if not statements:
        return
    RetiredStatement.objects.bulk_create(
        [RetiredStatement(statement_id=s.pk, meeting=meeting) for s in statements],
        ignore_conflicts=True,
    )
    Statement.objects.filter(pk__in=[s.pk for s in statements]).delete()


def _link_summaries(plan: IngestPlan, statements: list[Statement]) -> None:
    """Point each lead summary at the full statement it summarizes."""
    by_sequence = {s.sequence: s for s in statements}
    linked = []
    for item in plan.statements:
        if item.parsed.summary_of and item.parsed.summary_of in by_sequence:
            summary = by_sequence[item.parsed.sequence]
            summary.summary_of = by_sequence[item.parsed.summary_of]
            linked.append(summary)
    Statement.objects.bulk_update(linked, ["summary_of"])


def _record(plan: IngestPlan, release: Release, action: str, counts, user, via) -> IngestResult:
    """Log the ingest (who, when, source, parser version, what changed) and return the result."""
    Ingestion.objects.create(
        release=release,
        action=action,
        user=user if getattr(user, "pk", None) else None,
        source_name=plan.source_name[:255],
        content_hash=plan.content_hash,
        parser_version=PARSER_VERSION,
        via=via,
        report={"counts": counts, "changes": plan.changes, "warnings": plan.warnings},
    )
    return IngestResult(
        release=release,
        action=action,
        counts=counts,
        changes=tuple(plan.changes),
        warnings=tuple(plan.warnings),
    )


def parse_source(source: bytes, *, source_name: str) -> ParsedRelease:
    """Parse uploaded bytes, turning every refusal into an IngestError that names the file."""
    from django.conf import settings

    limit = settings.MAX_RELEASE_BYTES
    if len(source) > limit:
        raise IngestError(
            f"{source_name}: the file is {len(source) / 1_048_576:.1f} MB; "
            f"the limit is {limit / 1_048_576:.0f} MB."
        )
    try:
        return parse_press_release(source, filename=source_name)
    except ParseError as exc:
        raise IngestError(f"{source_name}: {exc}") from exc


def ingest_source(
    *, source: bytes, source_name: str, overrides: dict | None = None, user=None, via: str
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
        )
    except IngestError as exc:
        raise IngestError(f"{source_name}: {exc}") from exc
