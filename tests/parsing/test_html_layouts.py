"""HTML layouts: fields, body paragraphs, headings, furniture and web-archive copies."""

from __future__ import annotations

from statements.parsing import parse_press_release
from statements.parsing.html_layouts import looks_like_html, read_html

ARCHIVED = "https://web.archive.org/web/20150102030405/http://www.un.org/press/en/2014/"
OLD_PAGE = (
    f'<html><head><link rel="canonical" href="{ARCHIVED}gashc4123.doc.htm"/></head><body>'
    '<div id="wm-ipp-base"><p>The Wayback Machine</p><p>JOHN TOOLBAR (Norway) said</p></div>'
    "<h1>Third Committee Debates Refugees</h1>"
    '<div class="field field-name-field-meeting-session"><div class="field-items">'
    '<div class="field-item">Sixty-ninth Session, 40th Meeting (PM)</div></div></div>'
    '<div class="field field-name-body"><div class="field-items"><div class="field-item">'
    "<p>The Third Committee today continued its debate.</p>"
    "<p><u>Statements</u></p>"
    "<p>JANE DOE (<u>Norway</u>) said refugees need protection.</p>"
    "<p>Share</p>"
    "</div></div></div></body></html>"
)


def test_detects_html() -> None:
    """Markup is HTML; a text release is not."""
    assert looks_like_html("<!DOCTYPE html><html>")
    assert not looks_like_html("Security Council\n9001st Meeting (AM)\n")


def test_old_layout_fields_and_headings() -> None:
    """The 2010-2018 layout gives meeting line, h1 headline, underlined headings."""
    document = read_html(OLD_PAGE)
    assert document is not None
    assert document.fields.meeting_lines == ("Sixty-ninth Session, 40th Meeting (PM)",)
    assert document.fields.headline == "Third Committee Debates Refugees"
    heading = next(p for p in document.paragraphs if p.text == "Statements")
    assert heading.heading
    assert [p.role for p in document.paragraphs if p.text == "Share"] == ["furniture"]


def test_archive_toolbar_is_removed_and_symbol_read_from_address() -> None:
    """A web-archive copy loses its toolbar; a missing symbol comes from the original URL."""
    parsed = parse_press_release(OLD_PAGE)
    assert [s.speaker for s in parsed.statements] == ["JANE DOE"]
    assert parsed.meeting.symbol == "GA/SHC/4123"
    assert parsed.meeting.body == "Third Committee"
    assert any("20150102030405" in w and "web archive" in w for w in parsed.warnings)
    assert any("read from the page address" in w for w in parsed.warnings)


def test_xml_declaration_is_accepted() -> None:
    """XHTML pages with an XML declaration parse."""
    parsed = parse_press_release('<?xml version="1.0" encoding="utf-8"?>\n' + OLD_PAGE)
    assert parsed.statements
