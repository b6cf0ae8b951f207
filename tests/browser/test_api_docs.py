"""The interactive API documentation: Swagger UI from the archive's own static files, under the
site's real Content-Security-Policy (no unsafe-inline), showing the OpenAPI operations."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_swagger_ui_shows_every_operation_under_the_csp(strict_page, archive, live_server):
    page = strict_page()
    page.goto("/data/")
    page.get_by_role("link", name="interactive API documentation").click()
    page.wait_for_url("**/data/api/")
    page.locator(".opblock").first.wait_for()
    operations = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/statements" in operations and "/decisions" in operations
    assert any(path.startswith("/alignment/") for path in operations)
    page.locator(".opblock-summary-path", has_text="/statements").first.click()
    assert page.get_by_text("Language of the release (en, fr)").first.is_visible()
    policy = page.request.get("/data/api/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
