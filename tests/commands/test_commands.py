"""parse_press_release and ingest_press_releases."""

from __future__ import annotations

import json
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Release
from statements.models import Statement
from tests.seed import SEED_PATH

pytestmark = pytest.mark.django_db


def test_parse_json_prints_meeting_and_statements_without_writing():
    out = StringIO()
    call_command("parse_press_release", str(SEED_PATH), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["meeting"]["session"] == 76 and data["meeting"]["meetings"] == [38, 39]
    assert data["meeting"]["date"] == "2021-11-23" and data["meeting"]["date_inferred"] is True
    full = [s for s in data["statements"] if s["kind"] != "summary"]
    assert len(full) == 70
    assert full[0]["delegation"] == "SLE" and full[0]["speaker"] == "BAINDU DASSAMA-KAMARA"
    assert full[67]["delegation"] == "League of Arab States"
    assert Release.objects.count() == 0


def test_parse_refuses_what_is_not_a_press_release(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4 binary")
    with pytest.raises(CommandError, match="not a press release"):
        call_command("parse_press_release", str(bad))


def test_ingest_folder_goes_on_after_a_bad_file_and_fails_at_the_end(tmp_path):
    shutil.copy(SEED_PATH, tmp_path / "a.txt")
    (tmp_path / "a.meta.json").write_text('{"symbol": "GA/12388", "date": "2021-11-23"}')
    (tmp_path / "b.txt").write_bytes(b"")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 2 files failed"):
        call_command(
            "ingest_press_releases", str(tmp_path), "--no-progress", stdout=out, stderr=err
        )
    assert "1 created" in out.getvalue() and "b.txt" in err.getvalue()
    assert Release.objects.get().symbol == "GA/12388"
    assert Statement.objects.exclude(kind="summary").count() == 70


def test_load_sample_data_is_idempotent():
    call_command("load_sample_data", stdout=StringIO())
    count = Statement.objects.count()
    out = StringIO()
    call_command("load_sample_data", stdout=out)
    assert "1 unchanged" in out.getvalue()
    assert Statement.objects.count() == count > 0


def test_parse_json_is_the_whole_parse_of_to_dict():
    """--json prints ParsedRelease.to_dict(): decisions, elections and narrative included."""
    from statements.parsing import parse_press_release

    out = StringIO()
    call_command("parse_press_release", str(SEED_PATH), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data == parse_press_release(SEED_PATH.read_bytes(), filename=SEED_PATH.name).to_dict()
    assert {"decisions", "elections", "narrative"} <= data.keys()


def test_ingest_prints_warnings_and_says_how_to_give_a_missing_value(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED_PATH.read_bytes())
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command(
            "ingest_press_releases", str(tmp_path), "--no-progress", stdout=out, stderr=err
        )
    message = err.getvalue()
    assert "a.txt: warning:" in message
    assert "--symbol" in message and "a.meta.json" in message
    assert "enter it" not in message


def test_ingest_takes_the_symbol_and_date_on_the_command_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SEED_PATH.read_bytes())
    call_command(
        "ingest_press_releases",
        str(path),
        "--symbol",
        "GA/12388",
        "--date",
        "2021-11-23",
        "--no-progress",
        "--quiet-warnings",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Release.objects.get().symbol == "GA/12388"
