"""The interactive API documentation: Swagger UI from the archive's own static files, under the
site's real Content-Security-Policy (no unsafe-inline), showing the OpenAPI operations."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def strict_page(browser, live_server):
    """A page under the site's CSP (not bypassed) that records violations and outside requests."""
    host = urlsplit(live_server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    outside, violations = [], []

    def guard(route):
        url = route.request.url
        if urlsplit(url).netloc == host or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on(
        "console",
        lambda m: (
            violations.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text
            else None
        ),
    )
    yield page
    context.close()
    assert not outside, f"requests left the site: {outside}"
    assert not violations, "CSP violations:\n" + "\n".join(violations)


def test_swagger_ui_shows_every_operation_under_the_csp(strict_page, archive, live_server):
    page = strict_page
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
