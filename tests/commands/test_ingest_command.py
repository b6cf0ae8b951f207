"""ingest_press_releases: a bad file is reported and the folder goes on; the admin's size limit."""

from __future__ import annotations

import contextlib
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Release
from tests.rows import changed_rows, row_counts
from tests.seed import council_bytes

pytestmark = pytest.mark.django_db


def write_release(folder, name: str, source: bytes, **meta) -> None:
    (folder / f"{name}.txt").write_bytes(source)
    (folder / f"{name}.meta.json").write_text(json.dumps(meta))


def run(*paths) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with contextlib.suppress(CommandError):
        call_command(
            "ingest_press_releases", *map(str, paths), "--no-progress", stdout=out, stderr=err
        )
    return out.getvalue(), err.getvalue()


def test_bad_values_fail_their_file_and_later_files_are_still_read(tmp_path):
    write_release(
        tmp_path,
        "a-huge-number",
        council_bytes(number=3_000_000_000),
        symbol="SC/1",
        date="2017-09-11",
    )
    nul = council_bytes(number=8020).replace(b"for unity.", b"for unity.\x00")
    write_release(tmp_path, "b-nul", nul, symbol="SC/2", date="2017-09-12")
    write_release(
        tmp_path,
        "c-bad-url",
        council_bytes(number=8021),
        symbol="SC/3",
        date="2017-09-13",
        source_url="not a url",
    )
    write_release(
        tmp_path,
        "d-good",
        council_bytes(number=8022),
        symbol="SC/4",
        date="2017-09-14",
        source_url="https://press.un.org/en/2017/sc4.doc.htm",
    )
    before = row_counts()
    out, err = run(tmp_path)
    assert "4 files: 1 created, 0 updated, 0 unchanged, 3 failed" in out
    assert "Meeting number 3000000000" in err and "NUL" in err and "not a web address" in err
    assert changed_rows(before) == {"Release": 1, "Meeting": 1, "Statement": 2, "Ingestion": 1}
    assert Release.objects.get().source_url == "https://press.un.org/en/2017/sc4.doc.htm"


def test_one_file_is_one_file(tmp_path):
    write_release(tmp_path, "a", council_bytes(), symbol="SC/1", date="2017-09-11")
    out, _ = run(tmp_path / "a.txt")
    assert out.startswith("1 file: 1 created")


def test_the_command_enforces_the_admin_size_limit(tmp_path, settings):
    settings.MAX_RELEASE_BYTES = 100
    write_release(tmp_path, "a", council_bytes(), symbol="SC/1", date="2017-09-11")
    before = row_counts()
    _, err = run(tmp_path)
    assert "the limit is" in err and changed_rows(before) == {}


def test_a_broken_sidecar_is_that_file_failing(tmp_path):
    (tmp_path / "a.txt").write_bytes(council_bytes())
    (tmp_path / "a.meta.json").write_text("{not json")
    write_release(tmp_path, "b", council_bytes(number=8030), symbol="SC/2", date="2017-09-11")
    out, err = run(tmp_path)
    assert "1 created" in out and "meta.json cannot be read" in err
