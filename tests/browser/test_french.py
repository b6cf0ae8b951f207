"""The French interface in headless Chromium: a search, a statement, a country and a meeting,
each with the page's `lang`, the archive's English text marked `lang="en"`, and axe checks."""

from __future__ import annotations

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _french(page) -> None:
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("html").get_attribute("dir") == "ltr"
    alternates = page.locator("link[rel=alternate][hreflang]")
    assert sorted(alternates.evaluate_all("links => links.map(l => l.hreflang)")) == ["en", "fr"]


def test_search_in_french_then_open_a_statement(page, archive, check_a11y):
    page.goto("/fr/")
    _french(page)
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Ce que les délégués ont dit aux Nations Unies"
    )
    page.get_by_role("searchbox", name="Rechercher des déclarations").fill("nuclear")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"/fr/statements/\?q=nuclear"))
    _french(page)
    assert re.fullmatch(r"\d+ déclarations?.*", page.locator("#results-heading").inner_text())
    assert page.locator(".result .snippet[lang=en]").count() == page.locator(".result").count()
    check_a11y(page)

    page.locator(".result h3 a").first.click()
    page.wait_for_url(re.compile(r"/fr/statements/\d+/\?q=nuclear$"))
    _french(page)
    assert page.locator(".statement-text").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Citer cette déclaration").is_visible()
    assert re.search(
        r"\d+ (janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
        r"octobre|novembre|décembre) \d{4}",
        page.locator(".dl-meta").inner_text(),
    )
    check_a11y(page)


def test_a_country_and_a_meeting_in_french(page, archive, check_a11y):
    page.goto("/fr/delegations/norway/")
    _french(page)
    assert page.get_by_role("heading", name="Dernières déclarations").is_visible()
    check_a11y(page)

    meeting = archive.meetings[0]
    page.goto(f"/fr/meetings/{meeting.pk}/")
    _french(page)
    assert page.locator(".release-text[lang=en]").count() >= 1
    assert page.get_by_role("heading", name="Le communiqué, paragraphe par paragraphe").is_visible()
    check_a11y(page)


def test_the_switch_keeps_the_page(page, archive):
    page.goto("/statements/?q=climate")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="français").click()
    page.wait_for_url(re.compile(r"/fr/statements/\?q=climate$"))
    _french(page)
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/statements/\?q=climate$"))
    assert "/fr/" not in page.url and page.locator("html").get_attribute("lang") == "en"
