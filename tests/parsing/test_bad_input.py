"""Inputs that are not releases are refused with a reason; damaged releases parse with notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from statements.parsing import NotAPressRelease, ParseError, parse_press_release
from tests.seed import SEED_PATH

GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_TEXT = SEED_PATH.read_text(encoding="utf-8")
SMALL_RELEASE = """Security Council
9123rd Meeting (AM)
SC/15001
12 September 2022

Council Hears Briefing on Côte d’Ivoire’s Elections

The Security Council today heard a briefing on the electoral process.

JEAN-LUC DUPRÈ (France) said his delegation’s position was clear.

HÉLÈNE MÜLLER (Germany) said Germany’s support would continue.
"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        ("", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"Some text\n\x00\x01\x02binary", "NUL bytes"),
        (bytes(range(1, 32)) * 40 + bytes(range(127, 160)) * 40, "could not be decoded"),
    ],
)
def test_not_text_is_refused(data: bytes | str, message: str) -> None:
    """Empty, binary, PDF and undecodable inputs raise NotAPressRelease saying why."""
    with pytest.raises(NotAPressRelease, match=message):
        parse_press_release(data)


def test_refusal_is_a_parse_error_with_a_location() -> None:
    """NotAPressRelease is a ParseError and says where the problem is."""
    with pytest.raises(ParseError) as caught:
        parse_press_release(b"First line\nSecond\x00line")
    assert caught.value.line == 2
    assert "(line 2)" in str(caught.value)


def test_unrelated_html_page_is_refused() -> None:
    """A web page with no release body is not a press release."""
    page = b"""<html><head><title>Ten quick recipes</title></head><body>
    <nav><a href="/">Home</a></nav><main><h1>Ten quick recipes</h1>
    <p>Boil the pasta for eight minutes, then drain it and add the sauce.</p>
    <p>Share</p><p>Related</p></main></body></html>"""
    with pytest.raises(NotAPressRelease, match="no press-release body"):
        parse_press_release(page, filename="recipes.html")


def test_release_layout_with_empty_body_is_refused() -> None:
    """A press.un.org page whose body field is empty has no release to read."""
    page = """<html><body><div class="field--name-field-symbol">SC/1</div>
    <div class="field field--name-body"><p>  </p></div></body></html>"""
    with pytest.raises(NotAPressRelease, match="empty release body"):
        parse_press_release(page)


def test_plain_prose_is_refused() -> None:
    """Text with no meeting line, symbol, release markings or statements is refused."""
    letter = "Dear colleagues,\n\nThe annual picnic will take place on Friday in the park.\n"
    with pytest.raises(NotAPressRelease, match="no meeting line"):
        parse_press_release(letter)


def test_windows_1252_bytes_are_decoded_with_a_warning() -> None:
    """A release saved as Windows-1252 parses, with a warning about the encoding."""
    parsed = parse_press_release(SMALL_RELEASE.encode("cp1252"))
    assert any("Windows-1252" in w for w in parsed.warnings)
    assert parsed.meeting.headline == "Council Hears Briefing on Côte d’Ivoire’s Elections"
    assert [s.speaker for s in parsed.statements] == ["JEAN-LUC DUPRÈ", "HÉLÈNE MÜLLER"]


def test_utf8_with_bom_needs_no_warning() -> None:
    """A UTF-8 byte order mark is dropped silently."""
    parsed = parse_press_release(b"\xef\xbb\xbf" + SMALL_RELEASE.encode("utf-8"))
    assert parsed.warnings == ()
    assert parsed.meeting.symbol == "SC/15001"


def test_mixed_encodings_are_repaired_with_a_warning() -> None:
    """UTF-8 text with a few stray Windows-1252 bytes is read byte by byte."""
    data = SMALL_RELEASE.encode("utf-8").replace("delegation’s".encode(), b"delegation\x92s")
    parsed = parse_press_release(data)
    assert any("Mixed encodings: 1 byte(s)" in w and "line 10" in w for w in parsed.warnings)
    assert "delegation’s position" in parsed.statements[0].text


def test_mojibake_is_repaired_with_a_warning() -> None:
    """ "â€™"-style mojibake is turned back into the intended characters."""
    garbled = SEED_TEXT.replace("’", "â€™").replace("Ô", "Ã”")
    parsed = parse_press_release(garbled.encode("utf-8"))
    assert any("mojibake" in w for w in parsed.warnings)
    clean = parse_press_release(SEED_TEXT)
    assert parsed.statements == clean.statements


def test_truncated_text_parses_with_an_error() -> None:
    """A release cut mid-sentence keeps what it read and says where it stops."""
    cut = SEED_TEXT[: SEED_TEXT.index("JASSER JIMÉNEZ (Nicaragua)") + 200]
    parsed = parse_press_release(cut)
    assert parsed.statements[-1].speaker == "JASSER JIMÉNEZ"
    assert any("truncated" in e and "paragraph" in e for e in parsed.errors)
    assert any("Listed as speaking but no statement found: Hungary" in w for w in parsed.warnings)


def test_truncated_html_parses_with_an_error() -> None:
    """An HTML page cut inside its body still yields the statements before the cut."""
    page = (GOLDEN / "sc_2021_06_29_press_un_org.html").read_text(encoding="utf-8")
    cut = page[: page.index("DMITRY POLYANSKIY") + 120]
    parsed = parse_press_release(cut)
    assert parsed.source_format == "html-press-un-org"
    assert parsed.statements[-1].speaker == "DMITRY POLYANSKIY"
    assert any("truncated" in e for e in parsed.errors)


def test_release_without_statements_is_an_error_not_a_refusal() -> None:
    """A real release with no statements parses, and errors say why it cannot be ingested."""
    text = "Security Council\n9001st Meeting (AM)\nSC/14999\n1 June 2022\n\nCouncil Meets\n"
    parsed = parse_press_release(text)
    assert parsed.statements == ()
    assert "No statements found." in parsed.errors


def test_missing_date_is_an_error_for_staff() -> None:
    """Without a printed or inferable date, errors ask staff to supply it."""
    text = "Security Council\n9001st Meeting (AM)\n\nJOHN ROE (Norway) said peace matters.\n"
    parsed = parse_press_release(text)
    assert parsed.meeting.date is None
    assert any("staff must supply it" in e for e in parsed.errors)


def test_utf16_with_bom_is_read() -> None:
    """UTF-16 files with a byte order mark are text, not binary."""
    parsed = parse_press_release(SMALL_RELEASE.encode("utf-16"))
    assert parsed.meeting.symbol == "SC/15001"
