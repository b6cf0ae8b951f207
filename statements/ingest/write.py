"""Write a planned release in one transaction: release, meeting, speakers and statements."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.text import slugify

from meetings.models import Body, Ingestion, Meeting, Release, ReleaseSource
from meetings.versions import meeting_versions_update, sitting_members
from statements import review
from statements.ingest.correction_writes import corrected_plan, settle_corrections
from statements.ingest.decisions import write_decisions
from statements.ingest.elections import write_elections
from statements.ingest.errors import IngestError
from statements.ingest.matching import text_hash
from statements.ingest.plan import IngestPlan, PlannedStatement, pk_of
from statements.ingest.speaker_names import display_name, name_key, speaker_slug
from statements.models import RetiredStatement, Speaker, SpeakerAlias, Statement
from statements.parsing import PARSER_VERSION, ParsedRelease
from statements.themes.tagging import tag_meeting


@dataclass(frozen=True)
class IngestResult:
    """What an ingest wrote, as counts staff can read ("Created 3 speakers, 40 statements")."""

    release: Release
    action: str
    counts: dict[str, int]
    changes: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def counts_text(self) -> str:
        """The non-zero counts: "21 statements created, 1 speaker created"."""
        return ", ".join(counted(n, what) for what, n in self.counts.items() if n)

    def summary(self) -> str:
        """One line for messages and command output."""
        counts = self.counts_text
        return f"{self.release.symbol}: {self.action}" + (f" ({counts})" if counts else "")


def counted(n: int, what: str) -> str:
    """ "1 statement created", "2 statements created": the first plural noun agrees with n."""
    if n == 1:
        words = what.split(" ")
        plural = next((i for i, w in enumerate(words) if w.endswith("s") and len(w) > 2), None)
        if plural is not None:
            words[plural] = words[plural][:-1]
        what = " ".join(words)
    return f"{n} {what}"


def ingest_release(
    *,
    parsed: ParsedRelease,
    source: bytes,
    source_name: str,
    overrides: dict | None = None,
    user=None,
    via: str = "admin",
    replace: bool = False,
    basis: str | None = None,
    force: bool = False,
    pending: list | None = None,
) -> IngestResult:
    """Write a parsed release in one transaction, updating it in place if it exists.

    replace lets an upload that contradicts the stored release (another meeting) overwrite it;
    basis, when given, is the stored release's state staff reviewed (see ``release_basis``).
    The stored release's corrections apply again after the parser (those whose text changed
    are flagged); pending: corrections made on the review page, recorded with the release.
    force writes even an unchanged release (after a correction or an undo).
    """
    with transaction.atomic():
        _lock_symbols(parsed, overrides)
        plan, outcome = corrected_plan(
            parsed=parsed,
            source=source,
            source_name=source_name,
            overrides=overrides,
            replace=replace,
            pending=pending,
        )
        if basis is not None and basis != release_basis(plan.existing):
            plan.errors.append(_changed_since(plan))
        if not plan.is_valid:
            raise IngestError(" ".join(plan.errors))
        if _is_unchanged(plan) and not force and not pending:
            return _record(plan, plan.existing, "unchanged", {}, user, via)
        replaced = _describe_replaced(plan) if replace and plan.contradicts else ""
        # The sitting the release covered before (a re-ingest may move it to another one).
        former = sitting_members(getattr(plan.existing, "meeting", None))
        release = _write_release(plan, user)
        meeting = _write_meeting(plan, release)
        meeting_versions_update(meetings=[meeting, *former])
        counts = _write_statements(plan, meeting, outcome)
        # After the statements: explanations of vote link to statement rows.
        counts |= write_decisions(parsed=plan.parsed, meeting=meeting, resolver=plan.resolver)
        counts |= write_elections(parsed=plan.parsed, meeting=meeting, resolver=plan.resolver)
        if outcome is not None:
            counts["corrections flagged"] = settle_corrections(
                meeting=meeting, outcome=outcome, pending=pending or [], user=user
            )
        tag_meeting(meeting)
        action = "replaced" if replaced else "updated" if plan.existing else "created"
        if replaced:
            plan.changes.insert(0, replaced)
        return _record(plan, release, action, counts, user, via)


def release_basis(release: Release | None) -> str:
    """The state of a stored release when staff reviewed an upload of it: id and last ingest."""
    if release is None:
        return "new"
    return f"{release.pk}:{release.ingested_at.isoformat()}"


def _changed_since(plan: IngestPlan) -> str:
    """The refusal when the release changed (or appeared) between review and confirm."""
    symbol = plan.existing.symbol if plan.existing else plan.metadata.symbol
    return (
        f"{symbol} was changed by another upload after you reviewed this one: review it again "
        "before confirming."
    )


def _describe_replaced(plan: IngestPlan) -> str:
    """What a replacement overwrote, for the ingest log."""
    old = plan.existing.meeting
    return (
        f"replaced {old.body.name} {old.label} ({old.date:%d %b %Y}) by a different meeting: "
        f"{' and '.join(plan.contradicts)} differ"
    )


def _lock_symbols(parsed: ParsedRelease, overrides: dict | None) -> None:
    """Serialize concurrent ingests of the same symbol with a transaction-level advisory lock."""
    symbol = (overrides or {}).get("symbol") or parsed.meeting.symbol or ""
    with connection.cursor() as cursor:
        # Shared with other ingests, exclusive against a full re-tag (statements.themes.tagging).
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
    release.source_name = plan.source_name[:255]
    release.source_format = plan.parsed.source_format
    fetched = plan.source_name if plan.source_name.startswith(("https://", "http://")) else ""
    release.source_url = meta.source_url or fetched[:500] or release.source_url
    release.content_hash = plan.content_hash
    release.parser_version = PARSER_VERSION
    release.ingested_by = user if getattr(user, "pk", None) else None
    release.save()
    ReleaseSource.objects.update_or_create(release=release, defaults={"data": plan.source})
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


def _write_statements(plan: IngestPlan, meeting: Meeting, outcome) -> dict[str, int]:
    """Create, update and retire statements in bulk; link summaries to their statements."""
    speakers, created_speakers = _write_speakers(plan)
    to_create, to_update = [], []
    for item in plan.statements:
        statement = item.existing or Statement(meeting=meeting, pk=item.restored_id)
        _fill_statement(statement, item, meeting, speakers)
        state = outcome.states.get(item.parsed.sequence) if outcome else None
        statement.review_state, statement.review_date = state or (
            review.parsed_state(item.warnings),
            None,
        )
        (to_update if item.existing else to_create).append(statement)
    _retire(plan.retired, meeting)
    restored = [item.restored_id for item in plan.statements if item.restored_id]
    RetiredStatement.objects.filter(statement_id__in=restored).delete()
    fields = list(_STATEMENT_FIELDS)
    Statement.objects.bulk_update(to_update, fields, batch_size=500)
    Statement.objects.bulk_create(to_create, batch_size=500)
    _link_summaries(plan, to_update + to_create)
    return {
        "speakers created": created_speakers,
        "statements created": len(to_create),
        "statements updated": len(to_update),
        "statements retired": len(plan.retired),
        "statements restored": len(restored),
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
    "review_state",
    "parser_warnings",
    "review_date",
]


def _fill_statement(statement: Statement, item: PlannedStatement, meeting: Meeting, speakers):
    """Copy one parsed statement and its resolved links onto a row."""
    p = item.parsed
    statement.sequence = p.sequence
    statement.kind = p.kind
    statement.date = meeting.date
    statement.speaker = (
        speakers.get((name_key(p.speaker), pk_of(item.delegation))) if p.speaker else None
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
    statement.parser_warnings = list(item.warnings)


def _write_speakers(plan: IngestPlan) -> tuple[dict[tuple, Speaker], int]:
    """Create the new speakers and record every printed spelling as an alias."""
    speakers = {}
    new = []
    for item in plan.statements:
        if not item.speaker:
            continue
        key = (name_key(item.speaker.printed), pk_of(item.delegation))
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
        for speaker in [speakers[(name_key(item.speaker.printed), pk_of(item.delegation))]]
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
        [
            RetiredStatement(statement_id=s.pk, meeting=meeting, text_hash=text_hash(s.text))
            for s in statements
        ],
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
