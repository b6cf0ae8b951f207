"""Read meeting lines such as "Seventy-sixth Session, 38th & 39th Meetings (AM & PM)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SUFFIX = r"(?:st|nd|rd|th|e|er|re|ème)"
_MEETINGS = re.compile(
    rf"(?P<nums>\d+\s*{_SUFFIX}(?:\s*(?:,|&|and|et)\s*\d+\s*{_SUFFIX})*)\s*"
    r"(?:(?:Plenary|Closing|Opening)\s+)?(?P<word>Meetings?|séances?(?:\s+plénières?)?)"
    r"\s*\*?\s*(?:\((?P<part>[^()]{1,40})\)|[–—-]\s*(?P<dashed>(?:matin|après-midi|soir|nuit|AM|PM)"
    r"(?:\s*(?:&|et)\s*(?:matin|après-midi|soir|nuit|AM|PM))*))?",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+")
_WORD_SESSION = re.compile(
    r"\b(?P<ord>(?:[A-Za-z]+-)?[A-Za-z]+)\s+(?P<special>(?:Emergency\s+)?Special\s+)?"
    r"(?:Session|General\s+Assembly)\b",
    re.IGNORECASE,
)
_NUMERIC_SESSION = re.compile(
    rf"\b(?P<num>\d{{1,3}})\s*{_SUFFIX}\s+(?P<special>(?:Emergency\s+)?Special\s+)?session\b",
    re.IGNORECASE,
)
_YEAR_SESSION = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:Session|session)\b")
_PART_WORDS = re.compile(r"\b(?:AM|PM|Night|Morning|Afternoon|matin|après-midi|soir|nuit)\b", re.I)
_SPACES = re.compile(r"\s+")
_SESSION_ONLY_LINE = re.compile(
    r"(?:Resumed\s+)?(?:[A-Za-z]+-)?[A-Za-z]+(?:\s+Emergency)?(?:\s+Special)?\s+"
    r"(?:Session|General\s+Assembly)\s*,?|(?:19|20)\d\d\s+(?:Substantive\s+)?Session\s*,?",
    re.IGNORECASE,
)
_SPACED_AMPERSAND = re.compile(r"\s*&\s*")


@dataclass(frozen=True)
class MeetingLine:
    """Session, meeting numbers and part of the day read from one meeting line."""

    session: int | None
    special_session: bool
    meetings: tuple[int, ...]
    part: str | None
    text: str


def ordinal_word_value(word: str) -> int | None:
    """Return the value of an English ordinal word ("Seventy-sixth" -> 76), else None."""
    parts = word.lower().replace(" ", "-").split("-")
    if len(parts) == 1:
        return _ORDINAL_UNITS.get(parts[0])
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINAL_UNITS:
        unit = _ORDINAL_UNITS[parts[1]]
        return _TENS[parts[0]] + unit if unit < 10 else None
    return None


def parse_meeting_line(text: str) -> MeetingLine | None:
    """Read session, meetings and part from a line; None when it names neither."""
    flat = _SPACES.sub(" ", text).strip()
    meetings, part = _read_meetings(flat)
    session, special, _ = _read_session(flat)
    if not meetings and not _SESSION_ONLY_LINE.fullmatch(flat):
        return None  # a bare session phrase counts only as a line of its own
    if not meetings and session is None:
        return None
    return MeetingLine(
        session=session, special_session=special, meetings=meetings, part=part, text=flat
    )


def _read_meetings(text: str) -> tuple[tuple[int, ...], str | None]:
    """Return meeting numbers and the normalized part of the day."""
    match = _MEETINGS.search(text)
    if not match:
        return (), None
    numbers = tuple(int(n) for n in _NUMBER.findall(match.group("nums")))
    return numbers, normalize_part(match.group("part") or match.group("dashed"))


def normalize_part(part: str | None) -> str | None:
    """Tidy "(AM&PM)" style parts to "AM & PM"; None when it is not a part of the day."""
    if not part or not _PART_WORDS.search(part):
        return None
    part = _SPACED_AMPERSAND.sub(" & ", part.strip())
    return _SPACES.sub(" ", part)


def _read_session(text: str) -> tuple[int | None, bool, int]:
    """Return the session number, whether it is a special session, and where it was read."""
    for match in _WORD_SESSION.finditer(text):
        value = ordinal_word_value(match.group("ord"))
        if value is not None:
            return value, bool(match.group("special")), match.start()
    numeric = _NUMERIC_SESSION.search(text)
    if numeric:
        return int(numeric.group("num")), bool(numeric.group("special")), numeric.start()
    year = _YEAR_SESSION.search(text)
    if year:
        return int(year.group("year")), False, year.start()
    return None, False, -1
