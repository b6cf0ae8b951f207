"""The byte-level pre-tests of decoding: the mojibake repair's never hides a sequence the repair
reads, and the control-character count agrees with the pattern on every character."""

from __future__ import annotations

from statements.parsing.decoding import (
    _CONTROL_CHARS,
    _CP1252_CONTINUATION,
    _MOJIBAKE,
    _MOJIBAKE_BYTES,
    control_count,
    repair_mojibake,
)


def test_the_byte_pretest_finds_every_lead_and_continuation_pair():
    """Every pair _MOJIBAKE can open with (Â-ô, then a continuation character) is found."""
    leads = [chr(code) for code in range(0xC2, 0xF5)]
    pairs = [lead + cont for lead in leads for cont in _CP1252_CONTINUATION]
    assert len(pairs) == 51 * 64
    for pair in pairs:
        assert _MOJIBAKE_BYTES.search(f"x {pair} y".encode())


def test_text_without_mojibake_is_left_alone_and_mojibake_is_repaired():
    """Accented letters in clean text pass the pre-test's scan; real mojibake is repaired."""
    clean = "La délégation française a déclaré : « très bien » — São Tomé-et-Príncipe."
    assert not _MOJIBAKE.search(clean)
    assert repair_mojibake(clean) == (clean, 0)
    garbled = "é’“—€中".encode().decode("cp1252", errors="replace")
    assert repair_mojibake("La dÃ©lÃ©gation") == ("La délégation", 2)
    assert repair_mojibake(garbled)[1] >= 4


def test_the_control_count_agrees_with_the_pattern_on_every_character():
    """Every code point (lone surrogates too), alone among plain letters, counts as the pattern
    counts it; so do mixed texts of ASCII controls, C1 controls and U+FFFD beside other
    characters that UTF-8 writes with the same lead bytes (C2, EF)."""
    for code in range(0x110000):
        text = f"a{chr(code)}b"
        assert control_count(text) == len(_CONTROL_CHARS.findall(text)), hex(code)
    mixed = "x\x00\x07\t\n\x0c\r\x1b\x7f ’ é \udc81 y"
    assert control_count(mixed) == 4
    assert control_count(mixed + "\x85\ufffd") == 6
    leads = "\x85\xa0\x9f\xbf\ufffd\uffee\ufffd\x80\uf000"  # C2 and EF start each of these
    assert control_count(leads) == len(_CONTROL_CHARS.findall(leads)) == 5
