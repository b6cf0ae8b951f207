"""Staff correct the sample release in the admin, and researchers see what was checked.

Real headless Chromium under the site's own Content-Security-Policy (no bypass): every page
these tests visit, the admin's included, must log no CSP violation. Widths: the meeting page
at 390 px must not scroll sideways, /data/'s <pre> blocks must not overflow at 1,280 px.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission

from meetings.models import Meeting
from statements.decisions.models import NarrativeParagraph
from statements.harvest.models import HarvestItem, HarvestRun, ListedRelease
from statements.ingest import ingest_source
from statements.models import Correction, RetiredStatement, Statement
from tests.decisions.conftest import ingest_vote_release
from tests.factories import make_release
from tests.seed import SEED_DATE, SEED_OVERRIDES, SEED_PATH, seed_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def release(transactional_db, django_db_serialized_rollback):
    ingest_source(
        source=seed_bytes(), source_name="seed.txt", overrides=dict(SEED_OVERRIDES), via="test"
    )
    return Meeting.objects.get()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-123456789", is_staff=True)
    codenames = ["view_correction", "correct_statements", "ingest_release", "view_release"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def statements(meeting) -> list[Statement]:
    return list(meeting.statements.exclude(kind="summary").order_by("sequence"))


def submit(page, form_id: str, **fields) -> None:
    """Open a correction's <details>, fill it, send it, and wait for the page to say it is done."""
    page.locator(f"#{form_id} summary").click()
    form = page.locator(f"#{form_id} form")
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(index=value) if isinstance(value, int) else field.select_option(
                value
            )
        else:
            field.fill(value)
    form.get_by_role("button").click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1, page.locator("#content").inner_text()


def test_each_correction_through_the_admin_then_undo(strict_page, release, editor, screenshot):
    page = strict_page(user=editor)
    total = Statement.objects.count()
    narrative = NarrativeParagraph.objects.count()
    page.goto(f"/admin/statements/correction/meeting/{release.pk}/")
    full = statements(release)

    # Split: the first part keeps the id, the second is a new statement of Peru.
    split = full[3]
    submit(page, f"split-{split.pk}", at=0, delegation="PER", reason="Two speakers")
    assert Statement.objects.count() == total + 1
    second = Statement.objects.get(sequence=split.sequence + 1, meeting=release)
    assert second.delegation.code == "PER" and second.review_state == "corrected"
    assert Statement.objects.filter(pk=split.pk).exists()

    # Merge: the later one's id redirects to the kept one.
    kept, gone = full[5], full[6]
    submit(page, f"merge-{kept.pk}", other=str(gone.pk), reason="One speech")
    assert Statement.objects.count() == total
    assert RetiredStatement.objects.get(statement_id=gone.pk).merged_into == kept.pk

    # Reassign: another delegation, title and kind.
    moved = full[8]
    submit(page, f"reassign-{moved.pk}", delegation="NOR", title="Minister", reason="Misread")
    moved.refresh_from_db()
    assert moved.delegation.code == "NOR" and moved.title == "Minister"

    # Move a statement's paragraph to the narrative (its only one: it leaves the statements).
    to_narrative = full[10]
    submit(page, f"to_narrative-{to_narrative.pk}", reason="A vote paragraph")
    assert Statement.objects.count() == total - 1
    assert NarrativeParagraph.objects.count() == narrative + 1
    screenshot(page, "corrections-admin", full_page=False)

    history = page.locator(".correction-history tbody tr")
    assert history.count() == 4
    assert "A vote paragraph" in history.first.inner_text()
    # Undo the last: the paragraph is a statement again, under its old id.
    history.first.get_by_role("button", name="Undo").click()
    page.wait_for_load_state()
    assert "Undone" in page.locator(".messagelist").inner_text()
    assert Statement.objects.filter(pk=to_narrative.pk).exists()
    assert Statement.objects.count() == total
    assert NarrativeParagraph.objects.count() == narrative
    assert Correction.objects.filter(undone_at__isnull=False).count() == 1

    # The public side: the permalink of the merged statement leads to the kept one.
    page.goto(f"/statements/{gone.pk}/")
    assert page.url.endswith(f"/statements/{kept.pk}/")
    assert "Corrected by staff on" in page.locator(".review-state").inner_text()


def test_a_correction_survives_a_reingest_and_is_flagged_when_its_text_changed(
    strict_page, release, editor
):
    page = strict_page(user=editor)
    full = statements(release)
    target, other = full[2], full[12]
    page.goto(f"/admin/statements/correction/meeting/{release.pk}/")
    submit(page, f"reassign-{target.pk}", delegation="PER", reason="Misread")
    submit(page, f"review-{other.pk}")
    ids = set(Statement.objects.values_list("pk", flat=True))

    # The same release uploaded again, with the reviewed statement's paragraph edited.
    edited = seed_bytes().replace(other.text[:50].encode(), other.text[:50].encode() + b" (sic)")
    ingest_source(source=edited, source_name="again.txt", overrides=dict(SEED_OVERRIDES), via="t")
    assert set(Statement.objects.values_list("pk", flat=True)) == ids
    assert Statement.objects.get(pk=target.pk).delegation.code == "PER"
    page.goto(f"/admin/statements/correction/meeting/{release.pk}/")
    assert "no longer applies" in page.locator(".correction-flagged").inner_text()
    page.goto("/admin/statements/correction/?state=flagged")
    assert page.locator("#result_list tbody tr").count() == 1


def test_researchers_see_the_review_state_on_page_api_and_csv(strict_page, release, editor):
    staff = strict_page(user=editor)
    target = statements(release)[1]
    staff.goto(f"/admin/statements/correction/meeting/{release.pk}/")
    submit(staff, f"reassign-{target.pk}", title="Permanent Representative", reason="Printed")

    page = strict_page()
    page.goto("/statements/")
    page.locator(".facet-link", has_text="Corrected by staff").click()
    page.wait_for_url(re.compile(r"review=corrected"))
    assert page.locator(".result").count() == 1
    page.goto(f"/statements/{target.pk}/")
    assert "Corrected by staff on" in page.locator(".review-state").inner_text()
    page.goto(f"/meetings/{release.pk}/")
    assert "Corrected by staff: 1" in page.locator("#checked-heading + p").inner_text()
    api = page.request.get("/api/v1/statements?review=corrected").json()
    [item] = api.get("data") or api.get("items")
    assert item["id"] == target.pk and item["review_state"] == "corrected"
    exported = page.request.get("/statements/export.csv?review=corrected").text()
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [r["id"] for r in rows] == [str(target.pk)] and rows[0]["review_date"]
    page.goto("/checks/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("How statements")


def widest(page) -> list[str]:
    """The elements that reach past the viewport's right edge, innermost last."""
    return page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth + 1).slice(0, 6).map(e => e.tagName + '.' + e.className + ' '"
        " + Math.round(e.getBoundingClientRect().width))"
    )


def coverage_year() -> str:
    """The seed's body and year with a gap, a listed release and a failure whose reason is a long
    unbroken address (what a coverage page shows at its widest)."""
    make_release(symbol="GA/12392", day=SEED_DATE)
    url = "https://press.un.org/en/2021/ga12390.doc.htm"
    run = HarvestRun.objects.create(status="failed")
    message = f"{url}?{'page=' * 30}: HTTP 404 after 5 tries"
    HarvestItem.objects.create(run=run, position=0, url=url, state="done", outcome="failed",
                               message=message)  # fmt: skip
    ListedRelease.objects.create(url=url.replace("12390", "12389"), symbol="GA/12389",
                                 body="general-assembly", year=2021, language="en")  # fmt: skip
    return "/coverage/general-assembly/2021/"


def test_pages_fit_their_width_and_keep_to_the_csp(strict_page, release, editor):
    phone = strict_page(width=390, height=844)
    wide = strict_page(width=1280)
    voted = ingest_vote_release()  # a recorded vote: the meeting page's decisions box
    pages = ("/", "/statements/", f"/meetings/{release.pk}/", "/checks/", "/data/")
    pages += (voted.get_absolute_url(),)
    # and this round's new pages: coverage, alignment, alerts, decisions
    pages += ("/coverage/", "/alignment/", "/alignment/matrix/", "/alerts/", "/decisions/")
    # the French interface and the API documentation page
    pages += ("/fr/", "/fr/statements/?q=paix", f"/fr/meetings/{release.pk}/", "/data/api/")
    # pages translated this round: the tools, data, coverage and alerts in French
    pages += ("/fr/alignment/", "/fr/alignment/matrix/", "/fr/alignment/alike/", "/fr/data/")
    pages += ("/fr/data/api/", "/fr/coverage/", "/fr/alerts/", f"/fr{voted.get_absolute_url()}")
    coverage = coverage_year()  # a body's year: gaps, a failure with a long address
    pages += (coverage, "/fr" + coverage)
    for screen in (phone, wide):
        for url in pages:
            screen.goto(url)
            overflow = screen.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow} px: {widest(screen)}"
    phone.goto(voted.get_absolute_url())
    assert phone.locator("section.decisions li").count() >= 1  # the box was there to measure
    wide.goto("/data/")
    wider = wide.evaluate(
        "[...document.querySelectorAll('pre')].filter(p => p.scrollWidth > p.clientWidth + 1)"
        ".map(p => p.textContent.slice(0, 40))"
    )
    assert not wider, f"<pre> blocks overflow at 1280 px: {wider}"
    staff = strict_page(user=editor)
    for url in ("/admin/", "/admin/statements/correction/", "/admin/meetings/release/"):
        staff.goto(url)
        assert staff.locator("#content").count() == 1
    # The review page of an upload (its warnings and inferred values styled by static CSS).
    staff.goto("/admin/meetings/release/upload/")
    staff.locator("input[type=file]").set_input_files(str(SEED_PATH))
    staff.locator("#content form [type=submit]").first.click()
    staff.wait_for_load_state()
    assert "Review 1 release" in staff.locator("h1").inner_text()
    colour = staff.locator(".review").first.evaluate("e => getComputedStyle(e).borderTopStyle")
    assert colour == "solid"  # the stylesheet applied


def test_the_real_sample_release_corrected_end_to_end(strict_page, editor, screenshot):
    """GA/12388 uploaded in the admin, corrected before confirming and again once archived;
    then what a researcher sees. Screenshots: artifacts/screenshots/e2e-*.png."""
    staff = strict_page(user=editor)
    staff.goto("/admin/meetings/release/upload/")
    staff.locator("input[type=file]").set_input_files(str(SEED_PATH))
    staff.locator("#content form [type=submit]").first.click()
    staff.wait_for_load_state()
    staff.locator("[name=form-0-symbol]").fill("GA/12388")
    staff.locator("[name=form-0-confirm_date]").check()
    # Before confirming: statement 8's title, then the whole meeting marked reviewed.
    panel = staff.locator("#correct-form-0-8")
    panel.locator("summary").click()
    panel.locator("[name=form-0-c8-operation]").select_option("reassign")
    panel.locator("[name=form-0-c8-title]").fill("Minister for Foreign Affairs")
    panel.locator("[name=form-0-c8-reason]").fill("The release prints the title")
    panel.get_by_role("button", name="Apply").click()
    staff.wait_for_load_state()
    staff.get_by_role("button", name="Mark the whole meeting reviewed").click()
    staff.wait_for_load_state()
    pending = staff.locator(".pending-corrections li")
    assert pending.count() == 2 and Statement.objects.count() == 0  # nothing written yet
    screenshot(staff, "e2e-1-review-page", full_page=False)
    staff.get_by_role("button", name="Confirm and write").click()
    staff.wait_for_load_state()
    assert "Written to the archive" in staff.locator("#content").inner_text()
    meeting = Meeting.objects.get()
    total = Statement.objects.count()
    titled = Statement.objects.get(meeting=meeting, sequence=8)
    assert titled.title == "Minister for Foreign Affairs" and titled.review_state == "corrected"

    # Archived: split a statement at its second sentence, to Peru.
    staff.goto(f"/admin/statements/correction/meeting/{meeting.pk}/")
    split = statements(meeting)[20]
    submit(staff, f"split-{split.pk}", at=0, delegation="PER", reason="Two speakers")
    assert Statement.objects.count() == total + 1
    assert Statement.objects.filter(pk=split.pk, review_state="corrected").exists()
    screenshot(staff, "e2e-2-corrections-page", full_page=False)
    assert staff.locator(".correction-history tbody tr").count() == 3

    page = strict_page()
    page.goto(split.get_absolute_url())
    assert "Corrected by staff on" in page.locator(".review-state").inner_text()
    screenshot(page, "e2e-3-statement-page", full_page=False)
    page.goto(meeting.get_absolute_url())
    checked = page.locator("#checked-heading + p").inner_text()
    assert "Corrected by staff: 3" in checked and "Reviewed: " in checked, checked
    screenshot(page, "e2e-4-meeting-page", full_page=True)
    page.goto("/statements/?review=corrected")
    assert page.locator(".result").count() == 3
    page.goto("/checks/")
    screenshot(page, "e2e-5-checks-page", full_page=True)
