"""Find delegation names in running text through the pure reference lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from statements.reference import DelegationRef, lookup_delegation, normalize_name

_WORD = re.compile(r"[^\s,;:()“”\"]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_PUNCT = " .,;:’'\"”"
_MAX_LABEL_WORDS = 9
_CONNECTORS = frozenset({"and", "of", "the", "de", "du", "des", "la", "le", "d’", "d'", "et"})


# Built hundreds of times a parse: not frozen, as a frozen dataclass sets each field through
# object.__setattr__ (issue #21). Nothing changes one once built.
@dataclass
class FoundLabel:
    """A delegation label as printed, its resolution, and where it ends in the text."""

    label: str
    ref: DelegationRef | None
    end: int


@lru_cache(maxsize=4096)
def resolve(label: str) -> DelegationRef | None:
    """Resolve a printed label to a reference delegation, None when unknown."""
    return lookup_delegation(label) if label and label.strip() else None


def clean_label(label: str) -> str:
    """Strip a leading article, surrounding space and trailing punctuation from a label."""
    label = label.strip().rstrip(_TRAILING_PUNCT).strip()
    if not label.startswith(("the", "The", "THE")):
        return label  # the pattern below could not match
    return _LEADING_ARTICLE.sub("", label)


def same_delegation(a: str | None, b: str | None) -> bool:
    """Say whether two printed labels name the same delegation."""
    if not a or not b:
        return False
    ref_a, ref_b = resolve(a), resolve(b)
    if ref_a and ref_b:
        return ref_a.code == ref_b.code
    return normalize_name(a) == normalize_name(b)


def delegation_key(label: str | None) -> str | None:
    """Return a comparison key for a label: its code when resolved, else its normalized name."""
    if not label:
        return None
    ref = resolve(label)
    return ref.code if ref else normalize_name(label)


def label_at(text: str, start: int = 0, max_words: int = _MAX_LABEL_WORDS) -> FoundLabel | None:
    """Return the longest run of words starting at `start` that resolves to a delegation."""
    best: tuple[str, DelegationRef] | None = None  # built into a FoundLabel once, at the end
    previous = start
    for count, match in enumerate(_WORD.finditer(text, start), start=1):
        if count > 1 and text[previous : match.start()].strip():
            break  # punctuation between words ends the candidate label
        previous = match.end()
        candidate = text[start:previous].rstrip(_TRAILING_PUNCT)
        ref = resolve(candidate)
        if ref:
            best = candidate, ref
        if count >= max_words or match.group().endswith((".", "’s", "'s")):
            break
    if best is None:
        return None
    candidate, ref = best
    return FoundLabel(clean_label(candidate), ref, start + len(candidate))


def capitalized_run(text: str, start: int = 0) -> FoundLabel | None:
    """Return the run of capitalized words (with connectors) at `start`, unresolved."""
    end = previous = start
    for count, match in enumerate(_WORD.finditer(text, start), start=1):
        if count > 1 and text[previous : match.start()].strip():
            break
        word = match.group().rstrip(".")
        if not (word[:1].isupper() or word in _CONNECTORS) or count > _MAX_LABEL_WORDS:
            break
        previous = match.end()
        if word[:1].isupper():
            end = match.start() + len(word)
    if end == start:
        return None
    label = clean_label(text[start:end])
    return FoundLabel(label, resolve(label), end) if label else None
