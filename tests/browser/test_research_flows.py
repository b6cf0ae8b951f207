"""Real flows in headless Chromium: search, facet, speaker, permalink, cite; a11y and layout."""

from __future__ import annotations

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_search_then_facet_then_remove_the_chip(page, archive, check_a11y, screenshot):
    page.goto("/")
    page.get_by_role("searchbox", name="Search statements").fill('"modern form of slavery"')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/statements/\?q="))
    assert page.locator(".result").count() == 8  # one a country, at the trafficking meeting
    assert page.locator(".result mark").first.inner_text().lower() in {"modern", "form", "slavery"}
    check_a11y(page)

    page.locator(".facet-link", has_text="Norway").click()
    page.wait_for_url(re.compile(r"delegation=NOR"))
    assert page.locator(".result").count() == 1
    chip = page.get_by_role("link", name=re.compile("Remove Delegation: Norway"))
    assert chip.is_visible()
    screenshot(page, "search-facet")

    chip.click()
    page.wait_for_url(lambda url: "delegation" not in url)
    assert page.locator(".result").count() == 8


def test_or_within_a_facet_and_the_comparison_chart(page, archive, check_a11y, screenshot):
    page.goto("/statements/?delegation=NOR")
    page.locator(".facet-link", has_text="Sweden").click()
    page.wait_for_url(re.compile(r"delegation=NOR&delegation=SWE"))
    assert page.locator(".chart .legend li").all_inner_texts() == [" Norway", " Sweden"] or (
        [t.strip() for t in page.locator(".chart .legend li").all_inner_texts()]
        == ["Norway", "Sweden"]
    )
    screenshot(page, "search-two-countries", full_page=True)
    check_a11y(page)


def test_year_bar_narrows_to_that_year(page, archive):
    page.goto("/statements/")
    page.locator(".chart a.bar").first.click()
    page.wait_for_url(re.compile(r"date_from=2019&date_to=2019"))
    dates = page.locator(".result time").all_inner_texts()
    assert dates and all(d.endswith("2019") for d in dates)


def test_open_a_speaker_then_a_permalink_then_cite(page, archive, check_a11y, screenshot):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/statements/?q=nuclear")
    page.get_by_role("link", name=re.compile("Speaker page.*Mona Juul")).first.click()
    page.wait_for_url(re.compile(r"/speakers/mona-juul/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mona Juul"
    check_a11y(page)

    page.get_by_role("searchbox", name=re.compile("Search Mona Juul")).fill("gender")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=gender"))
    assert page.locator(".result").count() == 1
    page.locator(".result h3 a").first.click()
    page.wait_for_url(re.compile(r"/statements/\d+/\?q=gender$"))
    assert page.locator(".statement-text mark").first.inner_text().lower() == "gender"
    cite = page.locator("#cite-text").inner_text()
    assert "Mona Juul (Norway)" in cite and "GA/" in cite and "/statements/" in cite
    check_a11y(page)
    screenshot(page, "statement", full_page=True)

    page.get_by_role("button", name="Copy BibTeX").click()
    page.get_by_text("Copied to the clipboard.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").startswith("@misc{")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download .ris").click()
    assert download.value.suggested_filename.endswith(".ris")

    page.get_by_role("link", name="Read it in the whole release").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/#statement-\d+"))
    assert page.locator(".release-statement:target").count() == 1
    check_a11y(page)


def test_keyboard_reaches_results_with_a_visible_focus(page, archive):
    page.goto("/statements/?q=climate")
    page.keyboard.press("Tab")  # skip link first
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.result') !== null"):
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_pages_pass_axe(page, archive, check_a11y):
    meeting = archive.meetings[0]
    for url in [
        "/",
        "/statements/?q=nuclear&delegation=NOR&delegation=FRA",
        "/statements/?q=zzzzqqq",
        "/delegations/norway/",
        "/delegations/",
        "/themes/human-rights/",
        "/themes/",
        meeting.get_absolute_url(),
        "/meetings/",
        "/speakers/",
    ]:
        page.goto(url)
        check_a11y(page)


def test_phone_layout_has_no_sideways_scroll(new_page, archive, check_a11y, screenshot):
    page = new_page(width=390, height=844)
    for url in ["/", "/statements/?q=climate&theme=climate-change", "/speakers/mona-juul/"]:
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    page.goto("/statements/?q=climate&theme=climate-change")
    screenshot(page, "search-phone", full_page=True)
    check_a11y(page)


def test_everything_works_without_javascript(new_page, archive):
    page = new_page(javascript=False)
    page.goto("/statements/")
    page.get_by_role("searchbox", name="Search what delegates said").fill("trafficking")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"q=trafficking"))
    page.locator(".facet-link", has_text="Kenya").click()
    page.wait_for_url(re.compile(r"delegation=KEN"))
    assert page.locator(".result").count() == 1
    page.get_by_label("From").fill("2020")
    page.get_by_role("button", name="Apply dates").click()
    page.wait_for_url(re.compile(r"date_from=2020.*delegation=KEN|delegation=KEN.*date_from=2020"))
    assert page.locator(".result").count() == 1


def test_search_page_screenshot(page, archive, screenshot):
    """The screenshot the README shows (artifacts/screenshots/search.png)."""
    page.goto("/statements/?q=trafficking+OR+slavery")
    screenshot(page, "search")
