"""Which way a statement's words point on the text before a meeting (pure Python, no Django).

A handful of plain cues, read as a researcher would skim: "could not support", "voted against",
"welcomed the adoption". It says which cues it found and nothing more: a statement and a vote
that point in different directions are a *candidate* for reading, never a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FOR, AGAINST = "for", "against"
# Longer cues first: "could not support" must win over "support".
AGAINST_CUES = (
    "could not support",
    "cannot support",
    "can not support",
    "not in a position to support",
    "unable to support",
    "could not accept",
    "cannot accept",
    "voted against",
    "vote against",
    "voting against",
    "opposed the",
    "opposes the",
    "oppose the",
    "rejected the",
    "rejects the",
    "reject the",
    "dissociate",
    "disassociate",
    "deplored",
    "regretted that the",
    "regrets that the",
    "unbalanced",
    "politicized",
)
FOR_CUES = (
    "voted in favour",
    "vote in favour",
    "voting in favour",
    "welcomed the adoption",
    "welcomes the adoption",
    "supported the draft",
    "supports the draft",
    "support the draft",
    "supported the resolution",
    "supports the resolution",
    "support the resolution",
    "supported the text",
    "supports the text",
    "support the text",
    "co-sponsor",
    "cosponsor",
    "joined the consensus",
)
_AGAINST = re.compile("|".join(re.escape(c) for c in AGAINST_CUES), re.IGNORECASE)
_FOR = re.compile("|".join(re.escape(c) for c in FOR_CUES), re.IGNORECASE)


@dataclass(frozen=True)
class Stance:
    direction: str | None  # FOR, AGAINST, or None when the cues are absent or balanced
    cues: tuple[str, ...]


def read(text: str) -> Stance:
    """The direction the cues point, and the cues as printed."""
    against = [m.group(0) for m in _AGAINST.finditer(text)]
    # A "for" cue inside an "against" one ("could not support the draft") is not counted.
    spans = [m.span() for m in _AGAINST.finditer(text)]
    support = [
        m.group(0)
        for m in _FOR.finditer(text)
        if not any(start <= m.start() < end for start, end in spans)
    ]
    if len(against) > len(support):
        return Stance(AGAINST, tuple(against + support))
    if len(support) > len(against):
        return Stance(FOR, tuple(support + against))
    return Stance(None, tuple(support + against))


def differs(stance: Stance, vote: str, basis: str) -> bool:
    """Whether words and vote point in different directions.

    Words against the text beside a vote in favour or a joined consensus; words for it beside a
    vote against or an abstention. An abstention with words against is consistent.
    """
    if stance.direction == AGAINST:
        return vote == "in_favour" or basis == "consensus"
    if stance.direction == FOR:
        return vote in ("against", "abstaining") and basis != "consensus"
    return False
