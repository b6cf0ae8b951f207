"""Wording a reader sees: counts agree with their number, a one-day span is one date, a
delegation named with its article. The archive here is the sample release alone (one meeting,
one day), the case that printed "1 meetings" and "23 November 2021 to 23 November 2021"."""

from __future__ import annotations

import zipfile
from datetime import date
from types import SimpleNamespace

import pytest

from statements.ingest.write import IngestResult, counted
from statements.publish.dump import dump_archive
from statements.templatetags.statement_cards import who
from tests.seed import ingest_seed


@pytest.mark.parametrize(
    ("n", "what", "expected"),
    [
        (1, "statements created", "1 statement created"),
        (1, "speakers created", "1 speaker created"),
        (2, "speakers created", "2 speakers created"),
        (1, "statements kept", "1 statement kept"),
    ],
)
def test_a_count_agrees_with_its_number(n, what, expected):
    assert counted(n, what) == expected


def test_an_ingest_summary_counts_in_words():
    counts = {"statements created": 1, "speakers created": 1, "meetings updated": 0}
    text = IngestResult.counts_text.fget(SimpleNamespace(counts=counts))
    assert text == "1 statement created, 1 speaker created"


def test_a_statement_without_a_speaker_names_the_delegation_with_its_article():
    statement = SimpleNamespace(
        speaker=None,
        speaker_label="",
        delegation=SimpleNamespace(name="Russian Federation"),
        delegation_label="Russian Federation",
    )
    assert who(statement) == "Representative of the Russian Federation"
    statement.speaker_label = "CHO TAE-YUL"
    assert who(statement) == "Cho Tae-yul"


@pytest.mark.django_db
def test_one_meeting_of_one_day_reads_as_such(client, tmp_path, settings):
    ingest_seed()
    home = client.get("/").content.decode()
    assert "from 1 meeting, 23 November 2021, as summarized" in home
    assert "1 meetings" not in home and "to 23 November 2021" not in home
    settings.DATA_DUMPS_DIR = tmp_path
    dumped = dump_archive(output=tmp_path, today=date(2025, 1, 31))
    with zipfile.ZipFile(dumped.zip_path) as archive:
        [name] = [n for n in archive.namelist() if n.endswith("/README.md")]
        readme = archive.read(name).decode()
    assert ", of 2021-11-23." in readme and "to 2021-11-23" not in readme
    data = " ".join(client.get("/data/").content.decode().split())
    assert "of 2021-11-23, with" in data and "1 meeting and" in data
