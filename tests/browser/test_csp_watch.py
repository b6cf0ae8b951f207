"""The CSP watch of the browser fixtures sees a violation (else every page could pass unseen)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import watch_csp

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_watch_notes_an_inline_style_the_policy_refuses(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page, violations = context.new_page(), []
    watch_csp(page, violations)
    page.route(
        "**/csp-probe/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Security-Policy": "style-src 'self'", "Content-Type": "text/html"},
            body="<!doctype html><style>p { color: red }</style><p>probe</p>",
        ),
    )
    page.goto("/csp-probe/")
    context.close()
    assert len(violations) == 1 and "style" in violations[0], violations
