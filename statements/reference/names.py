"""Delegation names: normalization, the shipped reference table and exact alias lookup.

Pure standard library (no Django), so scripts, parsers and tests can use it anywhere.

``normalize_name`` turns a label as printed in a press release into the key used for exact
matching. The steps, always in this order:

1. apostrophe-like characters (’ ‘ ʼ ` ´ ′ ʹ) become ``'``; the hyphen and every dash-like
   character (- ‐ ‑ ‒ – — ― − ﹣ －) become a space, so "Guinea-Bissau", "Guinea–Bissau" and
   "Guinea Bissau" share one key; soft hyphens are dropped;
2. NFKD decomposition, then combining marks (accents, diacritics) are dropped;
3. casefold;
4. ``&`` becomes `` and ``;
5. the bracketed article ``(the)`` is dropped wherever it stands ("Netherlands (the)");
6. whitespace is collapsed to single spaces and spaces just inside brackets go
   ("Iran ( Islamic Republic of )" -> "iran (islamic republic of)");
7. trailing punctuation (``. , ; : ! ? *``) is dropped, then a trailing ", the" (the dotted
   article form "Gambia, the"), then any leading "the ".

The function is deterministic and idempotent: normalizing a key again returns it unchanged.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from statements.kinds import DELEGATION_KINDS, STATE_KINDS

KINDS: tuple[str, ...] = tuple(DELEGATION_KINDS)
DATA_FILE = "delegations.json"

_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2019\u2018\u02bc`\u00b4\u2032\u02b9", "'"),
        **dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", " "),
        "\u00ad": None,
    }
)
_BRACKETED_THE = re.compile(r"\(\s*the\s*\)")
_SPACES = re.compile(r"\s+")
_OPEN_BRACKET = re.compile(r"\( ")
_CLOSE_BRACKET = re.compile(r" \)")
_TRAILING_PUNCT = " .,;:!?*"
_TRAILING_THE = re.compile(r",\s*the$")
_LEADING_THE = re.compile(r"^(?:the )+")


class AliasCollisionError(ValueError):
    """Two different delegations share a normalized name."""


@dataclass(frozen=True)
class DelegationRef:
    """One delegation that can take the floor: a State, an organization, a group or a UN entity."""

    code: str
    name: str
    kind: str
    iso2: str = ""
    m49: str = ""
    region: str = ""
    subregion: str = ""
    variants: tuple[str, ...] = ()

    @property
    def is_state(self) -> bool:
        """True for UN Member States and observer States."""
        return self.kind in STATE_KINDS

    @property
    def labels(self) -> tuple[str, ...]:
        """The canonical name followed by every variant."""
        return (self.name, *self.variants)


def _strip_accents(text: str) -> str:
    """Decompose with NFKD and drop the combining marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tidy_spaces(text: str) -> str:
    """Collapse whitespace and drop the spaces just inside brackets."""
    text = _SPACES.sub(" ", text).strip()
    return _CLOSE_BRACKET.sub(")", _OPEN_BRACKET.sub("(", text))


def _drop_articles(text: str) -> str:
    """Drop trailing punctuation, a trailing ", the" and a leading "the "."""
    text = text.rstrip(_TRAILING_PUNCT)
    text = _TRAILING_THE.sub("", text).rstrip(_TRAILING_PUNCT)
    return _LEADING_THE.sub("", text)


_CACHED_LABEL_CHARS = 200


def normalize_name(label: str) -> str:
    """Return the exact-match key of a delegation label (see the module docstring)."""
    # Only label-sized strings are memoized: the cache stays small whatever a parse feeds it.
    if len(label) <= _CACHED_LABEL_CHARS:
        return _normalize_cached(label)
    return _normalize(label)


@lru_cache(maxsize=8192)
def _normalize_cached(label: str) -> str:
    """normalize_name, memoized for short labels."""
    return _normalize(label)


def _normalize(label: str) -> str:
    """Apply the normalization steps of the module docstring."""
    text = label.translate(_CHAR_MAP)
    text = _strip_accents(text).casefold().replace("&", " and ")
    text = _tidy_spaces(_BRACKETED_THE.sub(" ", text))
    return _tidy_spaces(_drop_articles(text))


def _ref_from_dict(item: dict) -> DelegationRef:
    """Build one DelegationRef from its JSON object, checking the kind."""
    if item["kind"] not in KINDS:
        raise ValueError(f"unknown kind {item['kind']!r} for {item['code']!r}")
    fields = {k: item.get(k, "") for k in ("iso2", "m49", "region", "subregion")}
    return DelegationRef(
        code=item["code"],
        name=item["name"],
        kind=item["kind"],
        variants=tuple(item.get("variants", ())),
        **fields,
    )


def parse_delegations(payload: dict) -> tuple[DelegationRef, ...]:
    """Turn the decoded delegations.json document into DelegationRef objects."""
    refs = tuple(_ref_from_dict(item) for item in payload["delegations"])
    codes = [ref.code for ref in refs]
    if len(codes) != len(set(codes)):
        raise ValueError("duplicate delegation codes in reference data")
    return refs


@cache
def load_delegations() -> tuple[DelegationRef, ...]:
    """Read the shipped delegations.json once and return every delegation."""
    text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_delegations(json.loads(text))


def build_alias_index(refs: Iterable[DelegationRef]) -> dict[str, DelegationRef]:
    """Map each normalized name and variant to its delegation; raise on any collision."""
    index: dict[str, DelegationRef] = {}
    for ref in refs:
        for label in ref.labels:
            key = normalize_name(label)
            other = index.setdefault(key, ref)
            if other.code != ref.code:
                raise AliasCollisionError(
                    f"{label!r} ({key!r}) names both {other.code} and {ref.code}"
                )
    return index


@cache
def _alias_index() -> dict[str, DelegationRef]:
    """The alias index of the shipped data, built once."""
    return build_alias_index(load_delegations())


@cache
def _code_index() -> dict[str, DelegationRef]:
    """The shipped delegations by code, built once."""
    return {ref.code: ref for ref in load_delegations()}


def lookup_delegation(label: str) -> DelegationRef | None:
    """Return the delegation whose name or variant matches the label exactly, else None."""
    if not label or not label.strip():
        return None
    return _alias_index().get(normalize_name(label))


def delegation_by_code(code: str) -> DelegationRef | None:
    """Return the delegation with this code (e.g. "SLE", "EU", "UN-SG"), else None."""
    return _code_index().get(code)
