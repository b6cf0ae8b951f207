"""Display forms and slugs of speakers' names as releases print them (often in capitals)."""

from __future__ import annotations

import re

from django.utils.text import slugify

from statements.reference import normalize_name

# Particles that stay lower case inside a name ("María del Carmen", "Ricardo de Souza").
_PARTICLES = {
    "de",
    "del",
    "della",
    "der",
    "di",
    "da",
    "das",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "van",
    "von",
    "y",
    "e",
    "bin",
    "binti",
    "al",
    "el",
    "ter",
    "den",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


def display_name(printed: str) -> str:
    """Turn "MARÍA DEL CARMEN SQUEFF" into "María del Carmen Squeff"; keep mixed case as is."""
    printed = " ".join(printed.split())
    if not printed.isupper():
        return printed
    words = printed.split(" ")
    return " ".join(_display_word(word, first=i == 0) for i, word in enumerate(words))


def _display_word(word: str, *, first: bool) -> str:
    """Title-case one word, keeping particles and hyphenated/apostrophe parts right."""
    lower = word.lower()
    if not first and lower in _PARTICLES:
        return lower
    if lower.startswith(("al-", "el-")) and not first:
        return lower[:3] + _WORD.sub(lambda m: m.group(0).capitalize(), word[3:])
    parts = lower.split("-")
    if len(parts) > 1 and all(_KOREAN_SYLLABLE.fullmatch(part) for part in parts):
        # A romanized Korean given name: "TAE-YUL" is "Tae-yul", "KI-MOON" "Ki-moon".
        return lower.capitalize()
    return _WORD.sub(lambda m: m.group(0).capitalize(), word)


# One syllable of Revised or McCune-Reischauer romanization (initial, vowel, final).
_KOREAN_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|wh|[gkndrlmbsjhtpc])?"
    r"(?:wae|yae|yeo|ae|ya|eo|ye|yo|wa|oe|wo|we|wi|yu|eu|ui|oo|ee|a|e|o|u|i)"
    r"(?:ng|k|n|l|m|p|t)?"
)


def name_key(printed: str) -> str:
    """The key that decides whether two printed names are the same person's."""
    return normalize_name(printed)


def speaker_slug(printed: str) -> str:
    """A URL slug for a speaker's name."""
    return slugify(display_name(printed))[:100] or "speaker"
