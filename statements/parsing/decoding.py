"""Turn raw bytes into text: detect non-text input, pick the encoding, repair mojibake."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statements.parsing.errors import NotAPressRelease

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
# The ASCII ones among them: as UTF-8 bytes, each is that one byte and no other character holds it.
_ASCII_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
# The C1 controls among them, as UTF-8 bytes (a pattern that opens with a literal scans fast).
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")
# A UTF-8 lead byte read as cp1252/latin-1 (Â-ô) followed by continuation bytes read the same way.
_CP1252_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_CONT = f"[{re.escape(_CP1252_CONTINUATION)}]"
# One class first, the lead byte's range then chosen behind it: a pattern that opens with a class
# is scanned for far faster than an alternation (this one runs over every release).
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00f4](?:(?<=[\u00c2-\u00df]){_CONT}|(?<=[\u00e0-\u00ef]){_CONT}{{2}}|"
    f"(?<=[\u00f0-\u00f4]){_CONT}{{3}})"
)
# The same sequences in the text's UTF-8 bytes, a necessary condition: a lead character (Â-ô is
# C3 82-B4) and the first byte of a continuation character. Its literal C3 is scanned for with
# the regex engine's fast path, far faster than _MOJIBAKE's class over every character.
_MOJIBAKE_BYTES = re.compile(
    b"\\xc3[\\x82-\\xb4]["
    + re.escape(bytes(sorted({char.encode("utf-8")[0] for char in _CP1252_CONTINUATION})))
    + b"]"
)
# Repairs must give Latin letters or typographic punctuation, never some unrelated script.
_PLAUSIBLE_REPAIR = re.compile("[\u00a0-\u024f\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]+")
_MAX_CONTROL_SHARE = 0.01
# Control characters a press release has no use for (tab, line feed, form feed and carriage
# return are kept): removed before parsing, so none reaches the archive. \x02 and \x03 in
# particular are the search highlighter's markers.
_STRIPPED_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class DecodedText:
    """Text ready for parsing and what had to be done to get it."""

    text: str
    warnings: tuple[str, ...]


def decode_input(data: bytes | str) -> DecodedText:
    """Decode bytes (or check a str), refusing input that is not text at all."""
    if isinstance(data, bytes):
        _refuse_binary(data)
        text, warnings = _decode_bytes(data)
    else:
        text, warnings = data.lstrip("\ufeff"), []
    encoded = _utf8(text)  # read twice below: by the control count and the mojibake test
    controls = _refuse_garbage(text, encoded)
    lost = text.count("\ufffd")
    if lost:
        warnings.append(
            f"{lost} character(s) were already lost (shown as �) before the file came in."
        )
    text, repaired = repair_mojibake(text, encoded)
    if repaired:
        warnings.append(
            f"Repaired {repaired} mojibake sequence(s) such as 'â€™' (UTF-8 read as Windows-1252)."
        )
    if controls:  # counted above: most texts have none, and skip this pass
        text = _STRIPPED_CONTROLS.sub("", text)
    return DecodedText(
        text=text.replace("\r\n", "\n").replace("\r", "\n"), warnings=tuple(warnings)
    )


def _refuse_binary(data: bytes) -> None:
    """Raise NotAPressRelease for empty input, known binary formats and NUL bytes."""
    head = data.lstrip()[:8]
    if not head:
        raise NotAPressRelease("The file is empty.")
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise NotAPressRelease(
                f"The file is {what}, not a press release in text or HTML.", line=1
            )
    if b"\x00" in data and not data.startswith(_UTF16_BOMS):
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise NotAPressRelease("The file is binary: it contains NUL bytes.", line=line)


def _decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM), UTF-16 by BOM, else Windows-1252 with a warning."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    escaped = data.decode("utf-8-sig", errors="surrogateescape")
    bad_runs = _ESCAPED_BYTES.findall(escaped)
    line = data[:first_bad].count(b"\n") + 1
    if _has_utf8_multibyte(escaped):
        text = _ESCAPED_BYTES.sub(_cp1252_run, escaped)
        return text, [
            f"Mixed encodings: {sum(map(len, bad_runs))} byte(s) were not valid UTF-8 and were "
            f"read as Windows-1252 (first at line {line})."
        ]
    try:
        return data.decode("cp1252"), ["The file is not UTF-8; it was decoded as Windows-1252."]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["The file is not UTF-8; it was decoded as Latin-1."]


def _has_utf8_multibyte(text: str) -> bool:
    """Say whether decoded text holds any non-ASCII character that came from valid UTF-8."""
    return any(ord(c) > 0x7F and not 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def _cp1252_run(match: re.Match[str]) -> str:
    """Decode a run of escaped bytes as Windows-1252."""
    raw = bytes(ord(c) - 0xDC00 for c in match.group())
    return raw.decode("cp1252", errors="replace")


def _utf8(text: str) -> bytes:
    """A text's UTF-8 bytes; escaped bytes (lone surrogates) are kept as such."""
    return text.encode("utf-8", "surrogatepass")


def _refuse_garbage(text: str, encoded: bytes) -> int:
    """Raise NotAPressRelease when the text is empty or full of control characters; return how
    many control or undecodable characters it holds (`encoded`: its _utf8 bytes)."""
    if not text or text.isspace():  # what "not text.strip()" says, without copying the text
        raise NotAPressRelease("The file is empty or holds only whitespace.")
    controls = control_count(text, encoded)
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        first = _CONTROL_CHARS.search(text)
        line = text[: first.start()].count("\n") + 1 if first else None
        raise NotAPressRelease(
            f"The file could not be decoded as text: {controls} control or undecodable characters.",
            line=line,
        )
    return controls


def control_count(text: str, encoded: bytes | None = None) -> int:
    """How many characters of _CONTROL_CHARS a text holds, counted in its UTF-8 bytes (`encoded`,
    when given, are its _utf8 bytes), far faster than the pattern scans the text: an ASCII
    control is its one byte (bytes.translate counts them), a C1 control (U+0080-U+009F) is C2
    80-9F and U+FFFD is EF BF BD; C2 and EF are lead bytes, so no other character holds either."""
    data = _utf8(text) if encoded is None else encoded
    ascii_controls = len(data) - len(data.translate(None, _ASCII_CONTROL_BYTES))
    return ascii_controls + len(_C1_BYTES.findall(data)) + data.count(b"\xef\xbf\xbd")


def _byte_of(char: str) -> bytes:
    """Return the byte a character came from when UTF-8 was read as Windows-1252 or Latin-1."""
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return char.encode("latin-1", errors="replace")


def repair_mojibake(text: str, encoded: bytes | None = None) -> tuple[str, int]:
    """Re-decode UTF-8 sequences that were read as Windows-1252; return text and repair count
    (`encoded`, when given, are the text's _utf8 bytes)."""
    if not _MOJIBAKE_BYTES.search(_utf8(text) if encoded is None else encoded):
        return text, 0  # the bytes hold no lead character followed by a continuation one
    count = sum(1 for match in _MOJIBAKE.finditer(text) if _repaired(match) != match.group())
    return (_MOJIBAKE.sub(_repaired, text), count) if count else (text, 0)


def _repaired(match: re.Match[str]) -> str:
    """Return the characters a mojibake sequence stood for, or the sequence if it is not one."""
    chunk = match.group()
    raw = b"".join(_byte_of(char) for char in chunk)
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return chunk
    return fixed if _PLAUSIBLE_REPAIR.fullmatch(fixed) else chunk
