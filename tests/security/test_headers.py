"""A strict Content-Security-Policy on every page; no inline script anywhere in the templates."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_pages_have_a_strict_csp(client, archive):
    for url in ("/", "/statements/?q=climate", "/speakers/", "/data/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_release_source_keeps_its_sandbox(client, archive):
    meeting = archive.statements[0].meeting
    policy = client.get(f"/meetings/{meeting.pk}/source/")["Content-Security-Policy"]
    assert policy.startswith("sandbox")


def test_templates_have_no_inline_script_or_event_handlers():
    script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
    handler = re.compile(r"\son[a-z]+\s*=", re.I)
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        assert not script.search(text), path
        assert not handler.search(text), path
