"""Read "Also speaking were ..." lists and compare them with the statements found."""

from __future__ import annotations

import re
from collections.abc import Iterable

from statements.parsing.delegations import clean_label, delegation_key, resolve

_LIST_ROLE = re.compile(
    r"\b(?:representatives?|delegates?|observers?|delegations?|speakers?|ministers?)\s+"
    r"(?:of|for|from)\s+",
    re.IGNORECASE,
)
_LIST_TAIL = re.compile(
    r"(?:,?\s+as\s+well\s+as(?:\s+the)?|,?\s+and(?:\s+the)?|,?\s+(?:also\s+)?(?:spoke|made|took|"
    r"delivered)\b.*|\s+in\s+(?:their|its|his|her)\s+capacity\b.*|\s+(?:were|was)\b.*)$",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r",\s+(?:and\s+)?|;\s+")
_AND = re.compile(r"\s+and\s+")


def speakers_list_labels(text: str) -> list[str]:
    """Return the delegation labels a speakers-list paragraph names, as printed."""
    labels: list[str] = []
    for part in _LIST_ROLE.split(text.strip().rstrip("."))[1:]:
        part = _LIST_TAIL.sub("", part.strip())
        for item in _ITEM_SPLIT.split(part):
            labels.extend(_split_and(clean_label(item)))
    return [label for label in labels if label]


def _split_and(item: str) -> list[str]:
    """Split "Armenia and the Russian Federation", but keep "Trinidad and Tobago" whole."""
    return _resolved_split(item) or [item]


def _resolved_split(item: str) -> list[str] | None:
    """Split an item at " and " so that every part resolves; None when no split does."""
    if resolve(item):
        return [item]
    for match in _AND.finditer(item):
        left, right = item[: match.start()], clean_label(item[match.end() :])
        rest = _resolved_split(right) if resolve(left) else None
        if rest:
            return [clean_label(left), *rest]
    return None


def dedupe_labels(labels: Iterable[str]) -> tuple[str, ...]:
    """Keep the first label of each delegation, in order."""
    seen: set[str] = set()
    kept: list[str] = []
    for label in labels:
        key = delegation_key(label)
        if key and key not in seen:
            seen.add(key)
            kept.append(label)
    return tuple(kept)


def crosscheck(
    listed: Iterable[str], lead_mentions: Iterable[str], spoken: Iterable[str]
) -> list[str]:
    """Warn about listed delegations without a statement and statements not in the lists."""
    listed_keys = {delegation_key(x): x for x in (*listed, *lead_mentions)}
    spoken_keys = {delegation_key(x): x for x in spoken}
    warnings = [
        f"Listed as speaking but no statement found: {label}"
        for key, label in listed_keys.items()
        if key not in spoken_keys
    ]
    warnings += [
        f"Statement by {label} not in the speakers list"
        for key, label in spoken_keys.items()
        if key not in listed_keys
    ]
    return warnings
