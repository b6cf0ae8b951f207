"""Plan what writing a parsed release would change, without writing anything."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from meetings.models import Release
from statements.ingest.decisions import review_rows, vote_warnings
from statements.ingest.existing import find_existing
from statements.ingest.matching import match_existing_statements
from statements.ingest.metadata import ReleaseMetadata, is_un_address, metadata_from_parse
from statements.ingest.resolution import Resolver, SpeakerMatch
from statements.ingest.speaker_names import display_name, name_key
from statements.ingest.validation import validate_plan
from statements.models import Delegation, Statement
from statements.parsing import ParsedRelease, ParsedStatement

# Parser errors a staff-supplied value answers, by the metadata field that answers them.
_ANSWERED = {"date": re.compile(r"^No meeting date found"), "symbol": re.compile(r"symbol")}


@dataclass
class PlannedStatement:
    """One parsed statement with what its names resolve to."""

    parsed: ParsedStatement
    delegation: Delegation | None
    speaker: SpeakerMatch | None
    on_behalf_of_delegation: Delegation | None
    existing: Statement | None = None
    restored_id: int | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the parser noted about this statement (parsers before 2026.12 note nothing)."""
        return tuple(getattr(self.parsed, "warnings", None) or ())


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
    contradicts: list[str] = field(default_factory=list)
    pins: dict[int, int] = field(default_factory=dict)  # sequence -> id a correction keeps
    # Names resolve through one Resolver per plan: the review and the write read the aliases once.
    resolver: Resolver = field(default_factory=Resolver, repr=False, compare=False)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def decision_rows(self) -> list[dict]:
        """The parsed decisions for review, with how their votes would be completed."""
        meta = self.metadata
        return review_rows(
            parsed=self.parsed, body_name=meta.body, day=meta.date, resolver=self.resolver
        )

    @property
    def new_speakers(self) -> list[SpeakerMatch]:
        seen = {}
        for item in self.statements:
            if item.speaker and item.speaker.is_new:
                seen.setdefault(
                    (name_key(item.speaker.printed), pk_of(item.delegation)), item.speaker
                )
        return list(seen.values())


def content_hash(source: bytes) -> str:
    """SHA-256 of the original bytes."""
    return hashlib.sha256(source).hexdigest()


def plan_release(
    *,
    parsed: ParsedRelease,
    source: bytes,
    source_name: str,
    overrides: dict | None = None,
    replace: bool = False,
    trusted_hosts: Collection[str] = (),
    pins: dict[int, int] | None = None,
) -> IngestPlan:
    """Resolve names, find the release this updates, and list warnings, errors and changes.

    trusted_hosts: hosts besides un.org the caller fetched the page from itself (the harvester's
    configured site), so an address there is not a copy from elsewhere. pins: statements (by
    sequence) that staff corrections keep at a given id.
    """
    metadata = metadata_from_parse(parsed, overrides, source=source)
    resolver = Resolver()
    plan = IngestPlan(
        parsed=parsed,
        metadata=metadata,
        source=source,
        source_name=source_name,
        content_hash=content_hash(source),
        statements=_resolve_statements(parsed.statements, resolver),
        existing=None,
        warnings=[*parsed.warnings, *vote_warnings(parsed, resolver)],
        errors=_unanswered_errors(parsed, metadata),
        pins=dict(pins or {}),
        resolver=resolver,
    )
    _check_metadata(plan)
    if validate_plan(plan):  # values the database would refuse cannot be looked up either
        find_existing(plan, replace=replace)
    _check_names(plan)
    _check_origin(plan, trusted_hosts)
    if plan.existing:
        match_existing_statements(plan)
    return plan


def _unanswered_errors(parsed: ParsedRelease, meta: ReleaseMetadata) -> list[str]:
    """The parser's errors, less those a value staff supplied has answered."""
    return [
        error
        for error in parsed.errors
        if not any(
            pattern.search(error) and getattr(meta, name) for name, pattern in _ANSWERED.items()
        )
    ]


def _resolve_statements(
    parsed: tuple[ParsedStatement, ...], resolver: Resolver
) -> list[PlannedStatement]:
    """Resolve every statement's delegation and speaker with a fixed number of queries."""
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
            p.speaker = matches[(p.parsed.speaker, pk_of(p.delegation))]
    return planned


def _check_metadata(plan: IngestPlan) -> None:
    """Refuse what cannot be written: no symbol, no date, unconfirmed guesses, no statements."""
    meta = plan.metadata
    if not meta.symbol:
        plan.errors.append("The release has no symbol (e.g. GA/12388).")
    elif len(meta.symbol) > 60 or not any(ch.isdigit() for ch in meta.symbol):
        plan.errors.append(f"“{meta.symbol[:80]}” does not look like a press release symbol.")
    if meta.date is None:
        plan.errors.append("The release has no date and none could be inferred.")
    elif not meta.date_confirmed:
        plan.errors.append(
            f"The date {meta.date:%d %B %Y} was inferred, not printed: it must be confirmed."
        )
    if not meta.body:
        plan.errors.append("The UN body could not be recognised.")
    if not any(s.parsed.kind != "summary" for s in plan.statements) and not _proceedings(plan):
        plan.errors.append("No statements were found in this release.")


def _proceedings(plan: IngestPlan) -> bool:
    """Say whether the release reports what the meeting did besides speeches."""
    parsed = plan.parsed
    notices = any(w.startswith("Partial coverage") for w in parsed.warnings)
    return bool(parsed.decisions or getattr(parsed, "elections", ()) or notices)


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


def _check_origin(plan: IngestPlan, trusted_hosts: Collection[str]) -> None:
    """Warn when the page does not come from un.org or is not in a UN release layout."""
    url = plan.metadata.source_url
    if url and not is_un_address(url, trusted_hosts):
        plan.warnings.append(
            f"The page's address {url} is not on un.org: check that this is a UN Meetings "
            "Coverage release and not a news site's copy."
        )
    elif plan.parsed.source_format == "html-generic":
        plan.warnings.append(
            "The page is not in a press.un.org or www.un.org layout: check that it is a UN "
            "Meetings Coverage release."
        )


def pk_of(obj) -> int | None:
    return obj.pk if obj is not None else None
