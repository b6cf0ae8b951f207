"""The dump is a Frictionless data package: datapackage.json describes every file with a Table
Schema, and `frictionless validate` (its Python API here; the CLI in .ci/run) finds every row,
type, enum, key and checksum right; a wrong row is caught."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from frictionless import validate

from statements.publish.dump import dump_archive
from tests.decisions.conftest import ingest_vote_release
from tests.factories import make_meeting, make_release, make_statement


@pytest.fixture
def unzipped(archive, tmp_path) -> Path:
    ingest_vote_release()  # decisions, votes, narrative and explanations have rows too
    french = make_meeting(release=make_release(language="fr"))
    make_statement(meeting=french, text='Première ligne.\nDeuxième ligne, "citée"; fin.')
    result = dump_archive(output=tmp_path / "out", today=date(2025, 1, 31))
    with zipfile.ZipFile(result.zip_path) as archive_zip:
        archive_zip.extractall(tmp_path / "unzipped")
    return tmp_path / "unzipped" / result.name


def test_every_file_of_the_dump_is_described_and_valid(unzipped):
    package = json.loads((unzipped / "datapackage.json").read_text())
    described = {resource["path"] for resource in package["resources"]}
    data_files = {p.name for p in unzipped.iterdir() if p.suffix in (".csv", ".jsonl")}
    assert described == data_files
    report = validate(unzipped / "datapackage.json")
    errors = [(task.name, e.type, e.note) for task in report.tasks for e in task.errors]
    assert report.valid, errors[:10]
    assert report.stats["tasks"] == len(data_files)


def test_schemas_say_types_codes_lists_enums_and_keys(unzipped):
    package = json.loads((unzipped / "datapackage.json").read_text())
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    fields = {f["name"]: f for f in schemas["delegations"]["fields"]}
    assert fields["m49"]["type"] == "string" and fields["m49"]["constraints"]["pattern"]
    statement = {f["name"]: f for f in schemas["statements"]["fields"]}
    assert statement["themes"] == statement["themes"] | {"type": "list", "delimiter": ";"}
    assert statement["kind"]["constraints"]["enum"][0] == "statement"
    assert statement["language"]["constraints"]["enum"] == ["en", "fr"]
    assert {f["name"]: f for f in schemas["votes"]["fields"]}["vote"]["constraints"]["enum"]
    assert schemas["statements"]["primaryKey"] == ["id"]
    assert {"fields": "meeting_id", "reference": {"resource": "meetings", "fields": "id"}} in (
        schemas["statements"]["foreignKeys"]
    )
    assert schemas["statements-jsonl"]["fields"][0]["name"] == "id"


def test_a_row_that_breaks_the_schema_fails_validation(unzipped):
    path = unzipped / "delegations.csv"
    lines = path.read_text().splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("m49")] = "4"  # not zero-padded
    path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n")
    package = json.loads((unzipped / "datapackage.json").read_text())
    for resource in package["resources"]:  # the checksum would fail first; check the row
        resource.pop("hash"), resource.pop("bytes")
    (unzipped / "datapackage.json").write_text(json.dumps(package))
    report = validate(unzipped / "datapackage.json")
    assert not report.valid
    assert "constraint-error" in {e.type for task in report.tasks for e in task.errors}


def test_a_dump_with_empty_tables_is_valid_too(archive, tmp_path):
    """No decisions yet: the empty JSON Lines files are described as files (no row to read)."""
    result = dump_archive(output=tmp_path / "out", today=date(2025, 1, 31))
    with zipfile.ZipFile(result.zip_path) as archive_zip:
        archive_zip.extractall(tmp_path / "unzipped")
    package_path = tmp_path / "unzipped" / result.name / "datapackage.json"
    package = json.loads(package_path.read_text())
    votes = next(r for r in package["resources"] if r["name"] == "votes-jsonl")
    assert votes["type"] == "file" and package["profile"] == "data-package"
    assert validate(package_path).valid
