"""Explicit meeting dates, and dates inferred from session, weekdays and relative mentions."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache

from statements.parsing.substrings import positions

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "janvier"),
            ("february", "février", "fevrier"),
            ("march", "mars"),
            ("april", "avril"),
            ("may", "mai"),
            ("june", "juin"),
            ("july", "juillet"),
            ("august", "août", "aout"),
            ("september", "septembre"),
            ("october", "octobre"),
            ("november", "novembre"),
            ("december", "décembre", "decembre"),
        ),  # fmt: skip
        start=1,
    )
    for name in names
}
# Copies made elsewhere print the date in their own language ("NEW YORK gio 12 marzo 2020").
_OTHER_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("gennaio", "enero"),
            ("febbraio", "febrero"),
            ("marzo",),
            ("aprile", "abril"),
            ("maggio", "mayo"),
            ("giugno", "junio"),
            ("luglio", "julio"),
            ("agosto",),
            ("settembre", "septiembre"),
            ("ottobre", "octubre"),
            ("noviembre",),
            ("dicembre", "diciembre"),
        ),  # fmt: skip
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(WEEKDAYS) + r"|lundi|mardi|mercredi|jeudi|vendredi"
_WEEKDAY += r"|samedi|dimanche),?\s+)?"
_DAY_MONTH = rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:er)?\s+{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DAY_MONTH_RE = re.compile(_DAY_MONTH, re.IGNORECASE)
_DATE_LINE = re.compile(rf"^\s*{_DAY_MONTH}\s*$", re.IGNORECASE)
_US_DATE_LINE = re.compile(
    rf"^\s*{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),\s*(?P<year>(?:19|20)\d\d)\s*$", re.IGNORECASE
)
_OTHER_DATE_LINE = re.compile(
    r"^(?:[a-z]{2,10}\.?,?\s+)?(?P<day>\d{1,2})\s+(?P<month>"
    + "|".join(sorted(_OTHER_MONTHS, key=len, reverse=True))
    + r")\s+(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)?\d\d)$")
_ISO_LINE = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d(?:[T ][\d:.+Z-]*)?$")
# What copies print before a date: "date", "Date:", "Dated", or a dateline's city in capitals.
_DATE_PREFIX = re.compile(
    r"^(?:(?i:date|dated|published)\b\s*:?\s*"
    r"|[A-Z][A-Z .'-]{2,30}?,?\s+(?=\S*\d|[a-z]{2,10}\.?\s+\d))"
)
_COMPACT_DATE = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>[0-3]\d)")
_ISO_DATE = re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)")
_TODAY = re.compile(rf"\btoday,?\s+\(?{_DAY_MONTH}", re.IGNORECASE)
_TOMORROW = re.compile(rf"\btomorrow,?\s+\(?{_DAY_MONTH}", re.IGNORECASE)
_YESTERDAY = re.compile(rf"\byesterday,?\s+\(?{_DAY_MONTH}", re.IGNORECASE)
_NEXT_MEETING = re.compile(
    rf"\b(?:reconvene|meet again|resume|next meet|will meet|will hold|will take up|will continue)"
    rf"(?:[^.]|\b[ap]\.m\.){{0,120}}?\bon\s+{_DAY_MONTH}",
    re.IGNORECASE,
)
_OPENED_ON = re.compile(rf"\bopened\s+on\s+{_DAY_MONTH}", re.IGNORECASE)
_N_DAY = re.compile(r"\b(?P<n>two|three|four|five)-day\b", re.IGNORECASE)
_N_DAY_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5}
_MONTH_MENTION = re.compile(r"\d\s+" + _MONTH, re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])")


@dataclass(frozen=True)
class DateResult:
    """The meeting date and how it was found."""

    date: datetime.date | None
    inferred: bool
    evidence: str
    warnings: tuple[str, ...] = ()


@dataclass
class _Clues:
    """Bounds on the meeting date gathered from the text, with the sentences behind them."""

    low: datetime.date | None = None
    high: datetime.date | None = None
    reasons: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def bound(self, low: datetime.date, high: datetime.date, reason: str) -> None:
        """Narrow the window to [low, high] and remember why."""
        self.low = max(self.low, low) if self.low else low
        self.high = min(self.high, high) if self.high else high
        self.reasons.append(reason)


def parse_date_line(text: str) -> datetime.date | None:
    """Return the date when the whole line is one ("14 October 2019", "19981117", "03/10/2008",
    "date 2019-05-21", "NEW YORK gio 12 marzo 2020"), else None."""
    text = _DATE_PREFIX.sub("", text.strip(), count=1)
    for pattern in (_DATE_LINE, _US_DATE_LINE):
        match = pattern.match(text)
        if match and match.group("year"):
            return _safe_date(match.group("year"), match.group("month"), match.group("day"))
    other = _OTHER_DATE_LINE.match(text)
    if other:
        month = _OTHER_MONTHS[other.group("month").lower()]
        return _safe_date(other.group("year"), month, other.group("day"))
    if _ISO_LINE.match(text):
        return parse_iso_date(text)
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        return _numeric_date(numeric)
    compact = _COMPACT_DATE.match(text)
    if compact and len(text) == 8:
        return _safe_date(compact.group("year"), compact.group("month"), compact.group("day"))
    return None


def _numeric_date(match: re.Match[str]) -> datetime.date | None:
    """Read "03/10/2008" day first (as the UN and French releases print it), unless the second
    number cannot be a month ("05/21/2019" is a US copy's month first); "29/09/03" is 2003."""
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if year < 100:
        year += 2000 if year < 50 else 1900
    day, month = (second, first) if second > 12 >= first else (first, second)
    return _safe_date(year, month, day)


def split_compact_date(text: str) -> tuple[datetime.date | None, str]:
    """Split a leading "19981117" date glued to a paragraph; return the date and the rest."""
    match = _COMPACT_DATE.match(text)
    if not match or (len(text) > 8 and text[8].isdigit()):
        return None, text
    found = _safe_date(match.group("year"), match.group("month"), match.group("day"))
    return (found, text[8:].lstrip()) if found else (None, text)


def parse_iso_date(text: str) -> datetime.date | None:
    """Return the calendar date of an ISO timestamp as printed, ignoring its time zone."""
    match = _ISO_DATE.search(text or "")
    if not match:
        return None
    return _safe_date(match.group("year"), match.group("month"), match.group("day"))


def _safe_date(year: str | int, month: str | int, day: str | int) -> datetime.date | None:
    """Build a date from parts (month by number or name), None if impossible."""
    month_number = int(month) if str(month).isdigit() else MONTHS.get(str(month).lower())
    try:
        return datetime.date(int(year), month_number or 0, int(day))
    except ValueError:
        return None


def session_window(
    body: str | None, session: int | None, *, special: bool = False
) -> tuple[datetime.date, datetime.date] | None:
    """Return the calendar span of a numbered session of the body, when it is known."""
    if session is None or special:
        return None
    if session >= 1990:
        if body == "Economic and Social Council":  # ECOSOC names sessions by the closing year
            return datetime.date(session - 1, 7, 1), datetime.date(session, 7, 31)
        return None
    if body == "Commission on the Status of Women":
        return datetime.date(1956 + session, 1, 1), datetime.date(1956 + session, 12, 31)
    if body is None or "Committee" in body or body == "General Assembly":
        # Session N of the General Assembly opens in September of 1945 + N.
        return datetime.date(1945 + session, 9, 1), datetime.date(1946 + session, 9, 20)
    return None


def infer_date(
    paragraphs: list[str],
    window: tuple[datetime.date, datetime.date] | None,
    *,
    window_label: str = "",
    dateline: str | None = None,
) -> DateResult:
    """Infer the meeting date from relative mentions, weekdays and the session's span."""
    clues = _Clues()
    if window:
        clues.reasons.append(f"{window_label} runs from {window[0]:%B %Y} to {window[1]:%B %Y}")
    if dateline:
        _read_dateline(dateline, window, clues)
    for paragraph in paragraphs:
        if not _mentions_a_month(paragraph):
            continue  # every clue names a day and a month
        for sentence in _SENTENCE_END.split(paragraph):
            _read_sentence(sentence, window, clues)
    return _conclude(clues)


def _mentions_a_month(paragraph: str) -> bool:
    """What _MONTH_MENTION.search says ("12 March"), tried only at the ASCII digits (str.find
    finds them far faster than the pattern scans every character for a digit), unless the
    paragraph may hold another decimal digit ("١٢"), when the pattern scans it all."""
    if _may_hold_other_digits(paragraph):
        return bool(_MONTH_MENTION.search(paragraph))
    for position in positions(paragraph, "0123456789"):
        if _MONTH_MENTION.match(paragraph, position):
            return True
    return False


def _may_hold_other_digits(text: str) -> bool:
    """Say whether a text may hold a decimal digit other than 0-9: a character whose UTF-16 high
    byte is one that such a digit has (no such digit is below U+0660, and "’", "é" or "—" have
    other high bytes). Slicing and bytes.translate read the bytes far faster than a pattern."""
    if text.isascii():
        return False
    high_bytes = text.encode("utf-16-le", "surrogatepass")[1::2]
    return len(high_bytes.translate(None, _not_digit_high_bytes())) > 0


@cache
def _not_digit_high_bytes() -> bytes:
    """The UTF-16 high bytes that no decimal digit but 0-9 has (those of U+D800-DBFF, which
    open every character beyond U+FFFF, are not among them)."""
    digits = {code >> 8 for code in range(0x80, 0x10000) if chr(code).isdecimal()}
    digits.update(range(0xD8, 0xDC))
    return bytes(byte for byte in range(256) if byte not in digits)


def _read_dateline(dateline: str, window: tuple | None, clues: _Clues) -> None:
    """Use a dateline ("NEW YORK, 12 March (UN Headquarters)") as the meeting day."""
    match = _DAY_MONTH_RE.search(dateline)
    day, note = _resolve(match, window) if match else (None, "")
    if day:
        clues.bound(day, day, f"the dateline '{dateline.strip()}'{note} gives the day")


def _read_sentence(sentence: str, window: tuple | None, clues: _Clues) -> None:
    """Narrow the date window with any relative mention in one sentence."""
    one_day = datetime.timedelta(days=1)
    for pattern, offset, verb in (
        (_TODAY, 0, "names the meeting day"),
        (_TOMORROW, -1, "names the day after the meeting"),
        (_YESTERDAY, 1, "names the day before the meeting"),
    ):
        for match in pattern.finditer(sentence):
            day, note = _resolve(match, window)
            if day:
                found = day + offset * one_day
                clues.bound(found, found, f"'{match[0]}'{note} {verb}")
    for match in _OPENED_ON.finditer(sentence):
        _read_opened(match, sentence, window, clues)
    for match in _NEXT_MEETING.finditer(sentence):
        day, note = _resolve(match, window)
        if day:
            reason = f"'{_clip(match[0])}'{note} puts this meeting before {_day_text(day)}"
            clues.bound(datetime.date.min, day - one_day, reason)


def _read_opened(match: re.Match[str], sentence: str, window: tuple | None, clues: _Clues) -> None:
    """Bound the date by an "opened on D Month" mention, exactly when it says "N-day"."""
    opened, note = _resolve(match, window)
    if not opened:
        return
    n_day = _N_DAY.search(sentence)
    if n_day:
        length = _N_DAY_VALUES[n_day.group("n").lower()]
        last = opened + datetime.timedelta(days=length - 1)
        quoted = sentence[min(n_day.start(), match.start()) : max(n_day.end(), match.end())]
        reason = (
            f"'{_clip(quoted)}'{note}: a {length}-day meeting that opened on "
            f"{_day_text(opened)} has its last day on {_day_text(last)}"
        )
        clues.bound(opened + datetime.timedelta(days=1), last, reason)
        return
    reason = f"'{match[0]}'{note} puts this meeting after {_day_text(opened)}"
    clues.bound(opened + datetime.timedelta(days=1), datetime.date.max, reason)


def _resolve(match: re.Match[str], window: tuple | None) -> tuple[datetime.date | None, str]:
    """Turn a day-month mention into a date (year from window and weekday) and a note."""
    day, month, year = match.group("day"), match.group("month"), match.group("year")
    if year:
        return _safe_date(year, month, day), ""
    if not window:
        return None, ""
    candidates = [
        found
        for y in range(window[0].year, window[1].year + 1)
        if (found := _safe_date(y, month, day)) and window[0] <= found <= window[1]
    ]
    weekday = (match.group("weekday") or "").lower()
    note = ""
    if weekday in WEEKDAYS:
        candidates = [c for c in candidates if WEEKDAYS[c.weekday()] == weekday]
        if len(candidates) == 1:
            note = f" ({_day_text(candidates[0])} is a {weekday.capitalize()})"
    return (candidates[0], note) if len(candidates) == 1 else (None, "")


def _conclude(clues: _Clues) -> DateResult:
    """Turn the gathered bounds into a date, or explain why none could be inferred."""
    if clues.low is None or clues.high is None or not _has_text_clue(clues):
        return DateResult(None, False, "", ("No date in the release and none could be inferred.",))
    if clues.low > clues.high:
        why = "; ".join(clues.reasons)
        return DateResult(None, False, "", (f"Date clues contradict each other: {why}.",))
    if clues.low != clues.high:
        why = "; ".join(clues.reasons)
        return DateResult(
            None, False, "", (f"Date clues {_span_text(clues)}, not one day: {why}.",)
        )
    evidence = (
        f"No date appears in the release; inferred {_day_text(clues.low)}: "
        + "; ".join(clues.reasons)
        + "."
    )
    return DateResult(clues.low, True, evidence)


def _span_text(clues: _Clues) -> str:
    """Describe the range of dates the clues leave open."""
    if clues.low is None or clues.high is None:
        return "say nothing"
    if clues.low == datetime.date.min:
        return f"only place the meeting on or before {_day_text(clues.high)}"
    if clues.high == datetime.date.max:
        return f"only place the meeting on or after {_day_text(clues.low)}"
    return f"leave {_day_text(clues.low)} to {_day_text(clues.high)}"


def _has_text_clue(clues: _Clues) -> bool:
    """Say whether anything beyond the session span narrowed the date."""
    return clues.low != datetime.date.min or clues.high != datetime.date.max


def _day_text(day: datetime.date) -> str:
    """Format a date as "23 November 2021"."""
    return f"{day.day} {day:%B %Y}"


def _clip(text: str, limit: int = 90) -> str:
    """Shorten a quoted snippet for evidence messages."""
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
