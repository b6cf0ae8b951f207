"""The byte-level pre-test of the mojibake repair: it never hides a sequence the repair reads."""

from __future__ import annotations

from statements.parsing.decoding import (
    _CP1252_CONTINUATION,
    _MOJIBAKE,
    _MOJIBAKE_BYTES,
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
