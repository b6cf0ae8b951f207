"""Staff corrections on the real sample release: ids, redirects, row counts, undo, re-ingest."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from statements.decisions.models import NarrativeParagraph
from statements.ingest import ingest_source
from statements.ingest.correction_writes import (
    CorrectionRefused,
    record_correction,
    undo_correction,
)
from statements.ingest.corrections import sentence_starts, text_hash
from statements.models import Correction, RetiredStatement, Statement
from statements.search.models import OutboxEntry
from tests.seed import SEED_OVERRIDES, ingest_seed, seed_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return ingest_seed()


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password="x" * 12, is_staff=True)


def full(meeting, n=0) -> Statement:
    return meeting.statements.exclude(kind="summary").order_by("sequence")[n]


def ids() -> set[int]:
    return set(Statement.objects.values_list("pk", flat=True))


def correct(meeting, editor, operation, statement, other_id=None, **params):
    return record_correction(
        meeting=meeting,
        operation=operation,
        params={"anchor": text_hash(statement.text), **params},
        description=f"{operation} #{statement.pk}",
        reason="Checked against the release",
        user=editor,
        statement_id=statement.pk,
        other_id=other_id,
    )


def test_split_keeps_the_id_for_the_first_part_and_adds_one_statement(meeting, editor):
    target = full(meeting, 3)
    before, count = ids(), Statement.objects.count()
    at = sentence_starts(target.text)[0]
    correction = correct(
        meeting,
        editor,
        "split",
        target,
        at=at,
        delegation_label="Peru",
        delegation_code="PER",
        speaker="",
        kind="statement",
    )
    target.refresh_from_db()
    assert Statement.objects.count() == count + 1
    assert target.text and target.review_state == "corrected" and target.review_date
    second = Statement.objects.get(pk=correction.other_id if correction.other_id else 0)
    assert second.pk not in before and second.delegation.code == "PER"
    assert second.sequence == target.sequence + 1
    assert target.text + " " + second.text == " ".join(full_text(target, second).split())
    assert before <= ids()


def full_text(first, second):
    return first.text + " " + second.text


def test_merge_redirects_the_removed_id_to_the_kept_one(meeting, editor, client):
    kept, gone = full(meeting, 4), full(meeting, 5)
    count = Statement.objects.count()
    correct(meeting, editor, "merge", kept, gone.pk, other=text_hash(gone.text))
    assert Statement.objects.count() == count - 1
    kept.refresh_from_db()
    assert kept.text.endswith(gone.text) and kept.review_state == "corrected"
    assert RetiredStatement.objects.get(statement_id=gone.pk).merged_into == kept.pk
    response = client.get(f"/statements/{gone.pk}/")
    assert response.status_code == 302 and response["Location"].endswith(f"/statements/{kept.pk}/")


def test_reassign_changes_the_delegation_and_reindexes(meeting, editor):
    target = full(meeting, 2)
    outbox_before = OutboxEntry.objects.count()
    correct(
        meeting,
        editor,
        "reassign",
        target,
        delegation_label="Peru",
        delegation_code="PER",
        title="Minister",
    )
    target.refresh_from_db()
    assert target.delegation.code == "PER" and target.title == "Minister"
    assert target.review_state == "corrected"
    assert OutboxEntry.objects.count() > outbox_before


def test_moving_a_whole_statement_to_the_narrative_and_back(meeting, editor):
    target = full(meeting, 6)
    count, narrative = Statement.objects.count(), NarrativeParagraph.objects.count()
    correct(meeting, editor, "to_narrative", target, index=0, narrative_kind="other")
    assert Statement.objects.count() == count - 1
    assert NarrativeParagraph.objects.count() == narrative + 1
    assert RetiredStatement.objects.filter(statement_id=target.pk).exists()
    moved = NarrativeParagraph.objects.get(text=target.text)
    neighbour = full(meeting, 5)
    correct(meeting, editor, "to_statement", neighbour, narrative=text_hash(moved.text))
    neighbour.refresh_from_db()
    assert neighbour.text.endswith(target.text)
    assert NarrativeParagraph.objects.count() == narrative


def test_undo_restores_the_parse_and_every_id(meeting, editor):
    before = dict(Statement.objects.values_list("pk", "text"))
    kept, gone = full(meeting, 4), full(meeting, 5)
    merge = correct(meeting, editor, "merge", kept, gone.pk, other=text_hash(gone.text))
    undo_correction(correction=merge, user=editor)
    assert dict(Statement.objects.values_list("pk", "text")) == before
    merge.refresh_from_db()
    assert merge.undone_at and merge.undone_by == editor
    assert set(Statement.objects.values_list("review_state", flat=True)) == {"as_parsed"}


def test_undoing_a_correction_a_later_one_depends_on_is_refused(meeting, editor):
    target = full(meeting, 3)
    at = sentence_starts(target.text)[0]
    split = correct(meeting, editor, "split", target, at=at, kind="statement")
    target.refresh_from_db()
    correct(meeting, editor, "review", target)
    with pytest.raises(CorrectionRefused, match="undo those first"):
        undo_correction(correction=split, user=editor)
    split.refresh_from_db()
    assert split.undone_at is None


def test_a_correction_that_does_not_apply_is_refused_and_writes_nothing(meeting, editor):
    target = full(meeting, 3)
    count = Correction.objects.count()
    with pytest.raises(CorrectionRefused, match="sentence"):
        correct(meeting, editor, "split", target, at=3, kind="statement")
    assert Correction.objects.count() == count
    with pytest.raises(CorrectionRefused, match="why"):
        record_correction(
            meeting=meeting, operation="review", params={}, description="x", reason=" "
        )


def test_corrections_survive_a_reingest_and_a_changed_text_is_flagged(meeting, editor):
    target, other = full(meeting, 3), full(meeting, 8)
    at = sentence_starts(target.text)[0]
    split = correct(meeting, editor, "split", target, at=at, kind="statement")
    correct(meeting, editor, "reassign", other, delegation_label="Peru", delegation_code="PER")
    after = dict(Statement.objects.values_list("pk", "text"))
    # The same release again, under another file name and with one paragraph edited.
    edited = seed_bytes().replace(other.text[:60].encode(), other.text[:60].encode() + b" (sic)")
    assert edited != seed_bytes()
    ingest_source(source=edited, source_name="again.txt", overrides=dict(SEED_OVERRIDES), via="x")
    split.refresh_from_db()
    assert not split.flag
    now = dict(Statement.objects.values_list("pk", "text"))
    assert set(now) == set(after)  # no id lost, none added
    assert now[target.pk] == after[target.pk] and now[split.other_id] == after[split.other_id]
    flagged = Correction.objects.flagged().get()
    assert flagged.operation == "reassign" and "no longer in the release" in flagged.flag
    assert Statement.objects.get(pk=other.pk).review_state != "corrected"
    # The original text back: the flagged correction applies again, the flag clears.
    ingest_source(
        source=seed_bytes(), source_name="seed2.txt", overrides=dict(SEED_OVERRIDES), via="x"
    )
    assert not Correction.objects.flagged().exists()
    assert Statement.objects.get(pk=other.pk).delegation.code == "PER"


def test_marking_the_meeting_reviewed_marks_every_statement(meeting, editor):
    record_correction(
        meeting=meeting,
        operation="review_meeting",
        params={
            "anchor": text_hash(
                " ".join(meeting.statements.order_by("sequence").values_list("text", flat=True))
            )
        },
        description="Reviewed the meeting",
        reason="Read against the release",
        user=editor,
    )
    assert set(meeting.statements.values_list("review_state", flat=True)) == {"reviewed"}
