"""Headless Chromium (Debian's) driven by Playwright against pytest-django's live_server.

Chromium missing: the tests skip, unless REQUIRE_BROWSER=1, when they fail. Every request a page
makes must go to the live server: anything else (a CDN, a font host) fails the test. axe-core is
installed from npm into var/axe on first use; without npm the accessibility checks skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
AXE_DIR = ROOT / "var" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _unavailable(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        _unavailable("Chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path, django_db_setup, django_db_blocker):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    from django.db import connections

    # Playwright's sync API switches context, and Django's connections are context-local: the
    # connection objects seen from now on are new ones, without the rows the test database
    # serialized at creation (serialized_rollback needs them). Carry them over.
    saved = {c.alias: getattr(c, "_test_serialized_contents", None) for c in connections.all()}
    with sync_playwright() as playwright:
        for alias, contents in saved.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Make pages (any viewport, JS on or off) that may only talk to the live server, under the
    site's real CSP: any violation on any page they visit fails the test."""
    contexts, violations, outside = [], [], []
    host = urlsplit(live_server.url).netloc

    def make(*, width: int = 1280, height: int = 900, javascript: bool = True):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            base_url=live_server.url,
        )
        contexts.append(context)
        keep_on_site(context, host, outside)
        page = context.new_page()
        page.set_default_timeout(10_000)
        watch_csp(page, violations)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not outside, f"requests left the site: {outside}"
    assert not violations, "CSP violations:\n" + "\n".join(violations)


def watch_csp(page, violations: list[str]) -> None:
    """Note every Content-Security-Policy violation the page logs to its console."""

    def console(message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", console)


def keep_on_site(context, host: str, outside: list[str]) -> None:
    """Abort every request of the context that would leave the live server, noting it."""

    def guard(route):
        url = route.request.url
        if urlsplit(url).netloc == host or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)


@pytest.fixture
def strict_page(browser, live_server):
    """Pages under the site's real CSP (not bypassed) that fail the test on any violation or
    request leaving the site; optionally logged in as a staff user."""
    contexts, violations, outside = [], [], []
    host = urlsplit(live_server.url).netloc

    def make(*, width: int = 1280, height: int = 900, user=None):
        context = browser.new_context(
            viewport={"width": width, "height": height}, base_url=live_server.url
        )
        contexts.append(context)
        keep_on_site(context, host, outside)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies["sessionid"].value
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(30_000)  # a correction rewrites the meeting; CI machines are slow
        watch_csp(page, violations)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not outside, f"requests left the site: {outside}"
    assert not violations, "CSP violations:\n" + "\n".join(violations)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's source, installed from npm into var/axe once."""
    if not AXE_JS.exists():
        npm = shutil.which("npm")
        if not npm:
            pytest.skip("npm is not installed: accessibility checks with axe-core skipped")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [npm, "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "axe-core@4"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode or not AXE_JS.exists():
            pytest.skip(f"could not install axe-core from npm: {result.stderr[-500:]}")
    return AXE_JS.read_text()


@pytest.fixture
def check_a11y(axe_source):
    """Run axe-core on the page; fail on serious or critical WCAG 2.2 A/AA violations."""

    def check(page) -> None:
        # Evaluated through the DevTools protocol, which the page's CSP does not govern (a
        # <script> tag would be refused: the pages are tested under their real CSP).
        page.evaluate(f"{axe_source}\n;true")
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        summary = [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in bad
        ]
        assert not bad, f"{page.url}: {json.dumps(summary, indent=1)}"

    return check


@pytest.fixture
def screenshot():
    """Save a screenshot as a test artifact: artifacts/screenshots/<name>.png."""

    def save(page, name: str, *, full_page: bool = False) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


@pytest.fixture(scope="module", autouse=True)
def _restore_reference_data(django_db_blocker):
    """Put back the migrations' rows (bodies, delegations, themes) the live-server flush removed.

    Browser tests must commit their data (the live server reads it from another thread), so each
    ends with a flush; Django restores the serialized rows before the next such test, and this
    restores them after the last one so later tests find them too.
    """
    yield
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def archive(transactional_db, django_db_serialized_rollback):
    from tests.ui.dataset import build_archive

    return build_archive()
