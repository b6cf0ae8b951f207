"""The alignment pages and an e-mail alert, from the form to the delivered digest, in Chromium."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.management import call_command

from tests.alignment.conftest import ingest_both
from tests.factories import make_statement

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def vote_archive(transactional_db, django_db_serialized_rollback):
    ingest_both()


def test_two_countries_by_both_conventions(page, vote_archive, check_a11y, screenshot):
    page.goto("/alignment/")
    page.select_option("#pair-delegations", ["USA", "ISR"])
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"delegation=USA"))
    row = page.locator('table.figures tr[data-basis="recorded"]')
    assert row.locator("td").all_inner_texts()[:1] == ["2"]
    assert "50.0%" in row.inner_text() and "75.0%" in row.inner_text()
    assert page.get_by_role("heading", name="Method").is_visible()
    screenshot(page, "alignment-pair", full_page=True)
    check_a11y(page)


def test_council_matrix_reads_without_colour(page, vote_archive, check_a11y, screenshot):
    page.goto("/alignment/matrix/")
    page.select_option("#matrix-group", "council:2022")
    page.get_by_role("button", name="Draw").click()
    page.wait_for_url(re.compile(r"group=council"))
    cells = page.locator("table.heatmap td.heat")
    # The Council of 2022: 15 members (4 named abstaining, 11 inferred in favour), 15 x 14 cells.
    assert cells.count() == 15 * 14
    assert all(re.fullmatch(r"\d+\.\d%\nn=\d+", text) for text in cells.all_inner_texts())
    fellow_abstainers = page.locator('td.heat[data-first="BRA"][data-second="IRL"]')
    assert fellow_abstainers.inner_text() == "100.0%\nn=1"
    # Without colour: grayscale rendering changes nothing a reader needs, every figure is text.
    page.emulate_media(forced_colors="active")
    assert all("%" in text for text in cells.all_inner_texts())
    screenshot(page, "alignment-matrix", full_page=True)
    page.emulate_media(forced_colors="none")
    check_a11y(page)


def test_most_alike_in_french(page, vote_archive, check_a11y):
    """The French tool: form, ranking, vote words and the link to the pair stay in /fr/."""
    page.goto("/fr/alignment/alike/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.select_option("#alike-delegation", "USA")
    page.get_by_role("button", name="Classer").click()
    page.wait_for_url(re.compile(r"/fr/alignment/alike/\?.*delegation=USA"))
    assert page.get_by_role("heading", name="Les plus proches", exact=True).is_visible()
    assert page.get_by_role("heading", name="Les plus éloignés", exact=True).is_visible()
    assert page.get_by_role("heading", name="Méthode").is_visible()
    check_a11y(page)
    page.locator("#most-alike + table tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/fr/alignment/\?"))
    assert page.locator('table.figures tr[data-basis="recorded"] th').first.inner_text() == (
        "Enregistré"
    )


def test_the_data_page_in_french(page, vote_archive, check_a11y):
    page.goto("/fr/data/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Dictionnaire des données").is_visible()
    assert page.locator("#dictionary td[lang=en]").count() > 10
    check_a11y(page)


def test_most_alike_and_the_link_to_the_pair(page, vote_archive, check_a11y):
    page.goto("/alignment/alike/?delegation=USA")
    first = page.locator("#most-alike + table tbody tr").first
    assert "Marshall Islands" in first.inner_text() and "100.0%" in first.inner_text()
    check_a11y(page)
    page.locator("#least-alike + table").get_by_role("link", name="Nicaragua").click()
    page.wait_for_url(re.compile(r"delegation=NIC"))
    assert "50.0%" in page.locator('tr[data-basis="votes"]').inner_text()


def test_side_by_side_and_words_and_votes(page, vote_archive, check_a11y, screenshot):
    page.goto("/alignment/side-by-side/")
    page.select_option("#side-delegations", ["MEX", "NOR"])
    page.get_by_label("Words", exact=True).fill("humanitarian")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"q=humanitarian"))
    mexico = page.locator('table.side-by-side td[data-code="MEX"]')
    assert "resolution 2624 (2022)" in mexico.inner_text() and "abstained" in mexico.inner_text()
    screenshot(page, "alignment-side-by-side", full_page=True)
    check_a11y(page)
    page.goto("/alignment/words-and-votes/")
    page.select_option("#words-delegation", "NOR")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"delegation=NOR"))
    assert page.get_by_role("heading", name=re.compile("Candidates to read")).is_visible()
    check_a11y(page)


def test_subscribe_confirm_receive_the_digest_and_unsubscribe(page, archive, check_a11y):
    mail.outbox.clear()
    page.goto("/")
    page.get_by_role("link", name="E-mail alerts").click()
    page.get_by_label("A delegation").check()
    page.get_by_label("Delegation", exact=True).select_option("NOR")
    page.get_by_label("Your e-mail address").fill("reader@example.org")
    page.get_by_label("Frequency").select_option("daily")
    check_a11y(page)
    page.get_by_role("button", name="Subscribe").click()
    assert page.get_by_role("heading", name="Check your inbox").is_visible()
    (confirmation,) = mail.outbox
    confirm_url = re.search(r"https?://\S+/alerts/confirm/\S+/", confirmation.body).group(0)
    page.goto(confirm_url[confirm_url.index("/alerts/") :])
    page.get_by_role("button", name="Confirm").click()
    assert page.get_by_role("heading", name="Alert confirmed").is_visible()

    said = make_statement(delegation="NOR", text="Norway announced a new pledge to the fund.")
    call_command("send_alert_digests", "--frequency", "daily")
    digest = mail.outbox[-1]
    assert digest.to == ["reader@example.org"] and "new pledge to the fund" in digest.body
    statement_url = re.search(rf"https?://\S+/statements/{said.pk}/", digest.body).group(0)
    page.goto(statement_url[statement_url.index("/statements/") :])
    assert "new pledge to the fund" in page.locator("main").inner_text()

    unsubscribe = digest.extra_headers["List-Unsubscribe"].strip("<>")
    page.goto(unsubscribe[unsubscribe.index("/alerts/") :])
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.get_by_role("heading", name="Unsubscribed").is_visible()
