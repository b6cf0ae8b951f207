"""The full dump: a versioned zip with every table, checksums, manifest, README and dictionary."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.versions import meeting_versions_update
from statements.models import Statement
from statements.publish.dump import dump_archive, render_data_dictionary
from statements.publish.exports.fields import STATEMENT_FIELD_NAMES
from tests.factories import make_meeting, make_release
from tests.publish.conftest import SITE

DOCS = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"
TABLES = ["statements", "speakers", "delegations", "meetings", "releases", "themes"]
TABLES += ["decisions", "votes", "narrative", "vote_explanations"]


@pytest.fixture
def dumped(archive, tmp_path, settings):
    settings.DATA_DUMPS_DIR = tmp_path
    return dump_archive(output=tmp_path, today=date(2025, 1, 31))


def members(result) -> dict[str, bytes]:
    with zipfile.ZipFile(result.zip_path) as archive:
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


def test_dump_has_every_table_in_both_formats_and_the_texts(dumped):
    assert dumped.zip_path.name == "un-statements-archive-2025-01-31.zip"
    files = members(dumped)
    expected = {f"{t}.{ext}" for t in TABLES for ext in ("csv", "jsonl")}
    assert set(files) == expected | {
        "README.md",
        "data-dictionary.md",
        "SHA256SUMS",
        "manifest.json",
        "datapackage.json",
    }
    with zipfile.ZipFile(dumped.zip_path) as archive:
        assert {n.split("/")[0] for n in archive.namelist()} == {dumped.name}


def test_statements_are_all_there_summaries_too(dumped):
    files = members(dumped)
    rows = list(csv.DictReader(io.StringIO(files["statements.csv"].decode(), newline="")))
    assert [int(r["id"]) for r in rows] == list(
        Statement.objects.order_by("id").values_list("id", flat=True)
    )
    assert tuple(rows[0]) == STATEMENT_FIELD_NAMES
    lines = files["statements.jsonl"].decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [int(r["id"]) for r in rows]
    assert {r["kind"] for r in rows} >= {"summary", "right_of_reply", "statement"}


def test_manifest_counts_and_checksums_are_true(dumped):
    files = members(dumped)
    manifest = json.loads(files["manifest.json"])
    assert manifest["version"] == "2025-01-31" and manifest["format_version"] == 1
    assert manifest["counts"]["statements"] == Statement.objects.count()
    assert manifest["date_range"] == {"first": "2019-10-05", "last": "2022-10-08"}
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(files) - {"SHA256SUMS", "manifest.json"}
    for path, entry in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == entry["sha256"], path
        assert len(files[path]) == entry["bytes"]
    sums = dict(line.split("  ")[::-1] for line in files["SHA256SUMS"].decode().splitlines())
    assert sums == {path: entry["sha256"] for path, entry in listed.items()}


def test_sidecar_manifest_describes_the_zip(dumped):
    sidecar = json.loads(dumped.manifest_path.read_text())
    assert sidecar["archive"]["file"] == dumped.zip_path.name
    digest = hashlib.sha256(dumped.zip_path.read_bytes()).hexdigest()
    assert sidecar["archive"]["sha256"] == digest
    assert sidecar["archive"]["bytes"] == dumped.zip_path.stat().st_size


def test_readme_has_a_citation_and_the_dictionary_is_current(dumped):
    files = members(dumped)
    readme = files["README.md"].decode()
    assert "How to cite" in readme and "version 2025-01-31 [Data set]" in readme
    assert f"{SITE}/data/" in readme and "@misc{un_statements_archive_20250131" in readme
    assert files["data-dictionary.md"].decode() == render_data_dictionary()


def test_a_second_dump_the_same_day_is_a_new_version(archive, tmp_path):
    first = dump_archive(output=tmp_path, today=date(2025, 1, 31))
    second = dump_archive(output=tmp_path, today=date(2025, 1, 31))
    assert (first.name, second.name) == (
        "un-statements-archive-2025-01-31",
        "un-statements-archive-2025-01-31.2",
    )
    assert not list(tmp_path.glob("*.part"))


def test_command_writes_into_output(archive, tmp_path, capsys):
    call_command("dump_archive", "--output", str(tmp_path))
    out = capsys.readouterr().out
    assert "Wrote" in out and "statements" in out
    assert len(list(tmp_path.glob("un-statements-archive-*.zip"))) == 1
    assert len(list(tmp_path.glob("un-statements-archive-*.json"))) == 1


def test_docs_data_dictionary_is_up_to_date(db):
    """After changing a field: manage.py dump_archive --data-dictionary > docs/data-dictionary.md"""
    assert DOCS.read_text() == render_data_dictionary()


def test_dictionary_documents_every_exported_field(db):
    text = render_data_dictionary()
    for name in STATEMENT_FIELD_NAMES:
        assert f"| `{name}` |" in text


def test_download_page_serves_the_latest_dump(client, dumped, tmp_path):
    newer = dump_archive(output=tmp_path, today=date(2025, 2, 1))
    page = client.get(reverse("data-pages:download"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Version 2025-02-01" in html and "2025-01-31" in html  # and the earlier one
    assert newer.manifest["archive"]["sha256"] in html
    assert "release_symbol" in html  # the dictionary is on the page
    response = client.get(reverse("data:dump-file", args=[newer.name, "zip"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == newer.zip_path.read_bytes()
    latest = client.get(reverse("data:dump-latest", args=["zip"]))
    assert latest.status_code == 302 and latest["Location"].endswith(f"{newer.name}.zip")
    manifest = client.get(reverse("data:dump-latest", args=["json"]), follow=True)
    assert json.loads(b"".join(manifest.streaming_content))["name"] == newer.name


def test_download_page_without_a_dump(client, db, tmp_path, settings):
    settings.DATA_DUMPS_DIR = tmp_path / "none"
    page = client.get(reverse("data-pages:download"))
    assert page.status_code == 200 and b"No full dump has been published yet" in page.content
    html = page.content.decode()
    assert "version" not in page.context["citation"]  # before: today's date, as a version
    assert f"accessed {date.today().isoformat()}" in page.context["citation"]
    assert "Exports are limited to 10 requests a minute per address, one at a time" in html
    assert client.get(reverse("data:dump-latest", args=["zip"])).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/data/un-statements-archive-2025-01-31.zip.part",
        "/data/un-statements-archive-../settings.zip",
        "/data/un-statements-archive-2099-01-01.zip",
        "/data/secret.json",
    ],
)
def test_only_published_dumps_are_served(client, dumped, url):
    assert client.get(url).status_code == 404


def test_data_dictionary_is_served_as_markdown(client, db):
    response = client.get(reverse("data:data-dictionary"))
    assert response["Content-Type"].startswith("text/markdown")
    assert response.content.decode() == render_data_dictionary()


def test_dump_files_can_be_handed_to_the_front_server(client, dumped, settings):
    settings.DATA_DUMPS_ACCEL_PREFIX = "/_dumps/"
    name = dumped.name
    response = client.get(reverse("data:dump-file", args=[name, "zip"]))
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_dumps/{name}.zip"
    assert response["Content-Disposition"] == f'attachment; filename="{name}.zip"'


def test_meetings_table_says_which_version_of_a_sitting_counts(archive, tmp_path, settings):
    english = archive.meetings[0]
    french = make_meeting(
        body=english.body.name,
        day=english.date,
        numbers=english.numbers,
        part=english.part,
        release=make_release(day=english.date, language="fr"),
    )
    meeting_versions_update(meetings=[french])
    settings.DATA_DUMPS_DIR = tmp_path
    files = members(dump_archive(output=tmp_path, today=date(2025, 1, 31)))
    rows = {
        int(r["id"]): r
        for r in csv.DictReader(io.StringIO(files["meetings.csv"].decode(), newline=""))
    }
    assert (rows[english.pk]["primary_version"], rows[english.pk]["other_languages"]) == (
        "true",
        "fr",
    )
    assert (rows[french.pk]["primary_version"], rows[french.pk]["other_languages"]) == (
        "false",
        "en",
    )
    lines = [json.loads(line) for line in files["meetings.jsonl"].decode().splitlines()]
    counted = {m["id"] for m in lines if m["primary_version"]}
    assert french.pk not in counted and english.pk in counted
    assert len(counted) == len(archive.meetings)
