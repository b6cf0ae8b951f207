"""Resolve a parse's printed names to delegations and speakers, and say what looks wrong.

Resolution never guesses: a delegation resolves only through an exact alias, and a speaker is
matched only by the same name within the same delegation. A near match is a warning for staff to
review, never a silent merge.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from statements.ingest.speaker_names import display_name, name_key
from statements.models import Delegation, DelegationAlias, Speaker, SpeakerAlias, Statement
from statements.reference import normalize_name

NEAR_MATCH_RATIO = 0.85


@dataclass
class SpeakerMatch:
    """How one printed speaker name resolves: an existing speaker, or a new one."""

    printed: str
    speaker: Speaker | None
    near: list[Speaker] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.speaker is None

    @property
    def display(self) -> str:
        return self.speaker.name if self.speaker else display_name(self.printed)


class Resolver:
    """Resolve names for one release with a fixed number of queries, whatever its size.

    The one name-resolution path of ingestion and previews; its alias maps live as long as the
    Resolver (one plan), never in the process, so an alias edited in the admin is seen next time.
    """

    def __init__(self) -> None:
        self._delegations, self._by_code = _alias_maps()

    def delegation(self, label: str | None, code: str | None = None) -> Delegation | None:
        """Return the delegation a printed label means, or None when unknown."""
        if label and (found := self._delegations.get(normalize_name(label))):
            return found
        return self._by_code.get(code) if code else None

    def speakers(self, pairs: list[tuple[str, Delegation | None]]) -> dict[tuple, SpeakerMatch]:
        """Match (printed name, delegation) pairs to existing speakers; report near matches."""
        keys = {name_key(name) for name, _ in pairs}
        known = _speakers_by_key(keys)
        matches = {}
        for name, delegation in pairs:
            delegation_id = delegation.pk if delegation else None
            exact = [s for s, dels in known.get(name_key(name), []) if _fits(dels, delegation_id)]
            matches[(name, delegation_id)] = SpeakerMatch(
                printed=name, speaker=exact[0] if exact else None
            )
        # Near matches are looked for only among the colleagues of speakers not found exactly.
        new = [m for m in matches.items() if m[1].is_new]
        colleagues = _speakers_by_delegation({key[1] for key, _ in new if key[1]})
        for (name, delegation_id), match in new:
            match.near = _near_matches(name, colleagues.get(delegation_id, []))
        return matches


def _alias_maps() -> tuple[dict[str, Delegation], dict[str, Delegation]]:
    """Delegations by alias and by code, read once per Resolver (one ingest), so edits show."""
    delegations = Delegation.objects.in_bulk()
    pairs = DelegationAlias.objects.values_list("normalized", "delegation_id")
    by_alias = {n: delegations[pk] for n, pk in pairs if pk in delegations}  # one added meanwhile
    return by_alias, {d.code: d for d in by_alias.values()}


def _fits(delegation_ids: set[int], delegation_id: int | None) -> bool:
    """A speaker fits when they spoke for this delegation (or for none yet)."""
    return not delegation_ids or delegation_id in delegation_ids


def _speakers_by_key(keys: set[str]) -> dict[str, list[tuple[Speaker, set[int]]]]:
    """Existing speakers by name key, each with the delegations they spoke for."""
    aliases = SpeakerAlias.objects.filter(
        normalized__in=keys, speaker__merged_into__isnull=True
    ).select_related("speaker")
    spoke_for = defaultdict(set)
    rows = Statement.objects.filter(speaker__in=[a.speaker_id for a in aliases])
    for speaker_id, delegation_id in rows.values_list("speaker_id", "delegation_id").distinct():
        if delegation_id:
            spoke_for[speaker_id].add(delegation_id)
    found = defaultdict(list)
    for alias in aliases:
        found[alias.normalized].append((alias.speaker, spoke_for[alias.speaker_id]))
    return found


def _speakers_by_delegation(delegation_ids: set[int]) -> dict[int, list[Speaker]]:
    """Speakers who already spoke for each of these delegations.

    The pairs come from the (delegation, speaker) index alone (an index-only scan), not from the
    statements' rows: at a million statements the scan of a busy delegation's rows cost 0.5-1.2 s
    a release. Only the speakers' names are read.
    """
    rows = (
        Statement.objects.filter(delegation__in=delegation_ids, speaker__isnull=False)
        .order_by()
        .values_list("delegation_id", "speaker_id")
        .distinct()
    )
    pairs = list(rows)
    speakers = Speaker.objects.only("name", "slug").in_bulk({s for _, s in pairs})
    grouped = defaultdict(list)
    for delegation_id, speaker_id in pairs:
        grouped[delegation_id].append(speakers[speaker_id])
    return grouped


def _near_matches(printed: str, candidates: list[Speaker]) -> list[Speaker]:
    """Speakers of the same delegation whose name resembles the printed one."""
    key = name_key(printed)
    return [speaker for speaker in candidates if _resembles(key, name_key(speaker.name))]


def _resembles(key: str, other: str) -> bool:
    """Whether two name keys are near: a similar spelling, or the same surname and initial.

    SequenceMatcher's cheap upper bounds (real_quick_ratio, quick_ratio) rule most names out
    before its exact ratio is computed: the same answer, at a fraction of the cost per colleague.
    """
    if _same_surname_initial(key, other):
        return True
    matcher = difflib.SequenceMatcher(None, key, other)
    return (
        matcher.real_quick_ratio() >= NEAR_MATCH_RATIO
        and matcher.quick_ratio() >= NEAR_MATCH_RATIO
        and matcher.ratio() >= NEAR_MATCH_RATIO
    )


def _same_surname_initial(a: str, b: str) -> bool:
    """'j. doe' and 'jane doe': same last word, same first initial."""
    wa, wb = a.split(), b.split()
    return len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1] and wa[0][0] == wb[0][0] and a != b
