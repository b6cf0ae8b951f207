"""The full dump: every table as CSV and JSON Lines in one versioned, checksummed zip.

``dump_archive(output=...)`` reads one consistent snapshot of the database (a read-only,
repeatable-read transaction), streams each table into the zip (nothing is held in memory),
adds the data dictionary, a README with a suggested citation, SHA256SUMS and manifest.json,
and writes the manifest beside the zip too, so the download page can show it without opening
the zip. The download page serves the newest dump found in settings.DATA_DUMPS_DIR.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_safe

from config.limits import MACHINE_GROUPS, period_seconds
from config.public_urls import site_url
from statements.decisions.exports import DUMP_TABLES
from statements.models import Statement
from statements.publish.api.resources import RESOURCES
from statements.publish.datapackage import build_datapackage
from statements.publish.exports.fields import LIST_SEPARATOR, STATEMENT_FIELDS, Field
from statements.publish.exports.records import record_csv_chunks, record_jsonl_chunks
from statements.publish.exports.streaming import copy_chunks, copy_statement, csv_header

PREFIX = "un-statements-archive-"
NAME = re.compile(rf"{PREFIX}(\d{{4}}-\d{{2}}-\d{{2}})(?:\.(\d{{1,3}}))?")
FORMAT_VERSION = 1
TITLE = "UN Statements Archive"
SWAGGER_UI_VERSION = "5.36.0"  # static/vendor/swagger-ui/VERSION (scripts/vendor_swagger_ui.sh)
MEDIA_TYPES = {
    ".json": "application/json",
    ".csv": "text/csv",
    ".jsonl": "application/jsonl",
    ".md": "text/markdown",
}


def dumps_dir() -> Path:
    """Where dumps are written and served from (settings.DATA_DUMPS_DIR)."""
    return Path(settings.DATA_DUMPS_DIR)


# The data dictionary ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A table of the archive as the dump and the dictionary describe it."""

    name: str
    description: str
    fields: tuple[Field, ...]


def tables() -> list[Table]:
    statements = Table(
        "statements",
        "One row per statement: what one delegation said at a meeting. The exports of the "
        "statements page and the API's statement objects have exactly these fields.",
        STATEMENT_FIELDS,
    )
    decided = (Table(t.name, t.description, t.fields) for t in DUMP_TABLES.values())
    return [
        statements,
        *(Table(r.name, r.description, r.fields) for r in RESOURCES.values()),
        *decided,
    ]


def type_label(field: Field) -> str:
    label = f"list of {field.type}" if field.many else field.type
    return f"{label} or null" if field.nullable else label


def render_data_dictionary() -> str:
    """The data dictionary as Markdown (docs/data-dictionary.md is this, committed)."""
    described = [
        (table, [(f.name, type_label(f), f.description) for f in table.fields])
        for table in tables()
    ]
    context = {"tables": described, "separator": LIST_SEPARATOR}
    return render_to_string("data/data-dictionary.md", context)


# Writing a dump ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DumpFile:
    path: str
    media_type: str
    bytes: int
    sha256: str
    rows: int | None = None


@dataclass(frozen=True)
class DumpResult:
    name: str
    zip_path: Path
    manifest_path: Path
    manifest: dict


def next_name(output: Path, today: date) -> str:
    """un-statements-archive-YYYY-MM-DD, then .2, .3 ... for more dumps the same day."""
    base = f"{PREFIX}{today.isoformat()}"
    name, n = base, 1
    while (output / f"{name}.zip").exists():
        n += 1
        name = f"{base}.{n}"
    return name


def table_chunks(table: str, fmt: str) -> Iterator[bytes]:
    """Every row of a table (by id), as CSV or JSON Lines chunks."""
    if table == "statements":
        everything = Statement.objects.order_by("id")
        head = csv_header() if fmt == "csv" else b""
        return copy_chunks(copy_statement(everything, fmt), head=head)
    resource = RESOURCES.get(table) or DUMP_TABLES[table]
    records = map(resource.record, resource.queryset().order_by("pk").iterator(chunk_size=2000))
    if fmt == "csv":
        return record_csv_chunks(resource.fields, records)
    return record_jsonl_chunks(records)


class ZipWriter:
    """Members of one folder in a zip, each streamed in, hashed and counted on the way."""

    def __init__(self, archive: zipfile.ZipFile, folder: str, when: datetime) -> None:
        self.archive, self.folder = archive, folder
        self.date_time = when.timetuple()[:6]

    def write(self, path: str, chunks: Iterable[bytes]) -> DumpFile:
        info = zipfile.ZipInfo(f"{self.folder}/{path}", date_time=self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        digest, size, lines = hashlib.sha256(), 0, 0
        with self.archive.open(info, "w", force_zip64=True) as out:
            for chunk in chunks:
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
                lines += chunk.count(b"\n")
        media_type = MEDIA_TYPES.get(Path(path).suffix, "text/plain")
        rows = lines if path.endswith(".jsonl") else None
        return DumpFile(path, media_type, size, digest.hexdigest(), rows)


def write_tables(writer: ZipWriter, log: Callable[[str], None]) -> list[DumpFile]:
    """Each table as JSON Lines (counted: one object a line) then CSV (the same rows)."""
    files: list[DumpFile] = []
    for table in tables():
        jsonl = writer.write(f"{table.name}.jsonl", table_chunks(table.name, "jsonl"))
        csv = writer.write(f"{table.name}.csv", table_chunks(table.name, "csv"))
        files += [jsonl, DumpFile(**{**asdict(csv), "rows": jsonl.rows})]
        log(f"{table.name}: {jsonl.rows:,} rows ({(jsonl.bytes + csv.bytes) / 1e6:,.1f} MB)")
    return files


def suggested_citation(version: str | None, *, year: int, accessed: date | None = None) -> str:
    """The data set's citation: a dump by its version, or (with none published) the site as read."""
    if version is None:
        day = accessed or timezone.localdate()
        return (
            f"{TITLE} ({year}). Statements of delegates in United Nations Meetings Coverage press "
            f"releases [Data set]. {site_url()}/data/ (accessed {day.isoformat()})"
        )
    return (
        f"{TITLE} ({year}). Statements of delegates in United Nations Meetings Coverage press "
        f"releases, full dump, version {version} [Data set]. {site_url()}/data/"
    )


def suggested_bibtex(version: str, *, year: int) -> str:
    key = "un_statements_archive_" + re.sub(r"[^0-9]", "", version)
    fields = [
        (
            "title",
            f"{{{TITLE}}}: Statements of delegates in United Nations Meetings Coverage "
            "press releases, full dump",
        ),
        ("version", version),
        ("year", str(year)),
        ("howpublished", f"\\url{{{site_url()}/data/}}"),
        ("note", "Data set"),
    ]
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"


def build_manifest(name: str, version: str, files: list[DumpFile], created: datetime) -> dict:
    counts = {f.path.rsplit(".", 1)[0]: f.rows for f in files if f.rows is not None}
    span = Statement.objects.aggregate(first=Min("date"), last=Max("date"))
    return {
        "name": name,
        "title": f"{TITLE}: full dump",
        "version": version,
        "format_version": FORMAT_VERSION,
        "created_at": created.isoformat(timespec="seconds"),
        "site_url": site_url(),
        "counts": counts,
        "date_range": {k: v.isoformat() if v else None for k, v in span.items()},
        "citation": suggested_citation(version, year=created.year),
        "files": [asdict(f) for f in files],
    }


def write_texts(writer: ZipWriter, manifest: dict) -> list[DumpFile]:
    """README.md and data-dictionary.md."""
    year = int(manifest["created_at"][:4])
    context = {
        "manifest": manifest,
        "title": TITLE,
        "bibtex": suggested_bibtex(manifest["version"], year=year),
    }
    readme = render_to_string("data/dump_README.md", context)
    return [
        writer.write("README.md", [readme.encode()]),
        writer.write("data-dictionary.md", [render_data_dictionary().encode()]),
    ]


def write_checksums(writer: ZipWriter, files: list[DumpFile]) -> None:
    """SHA256SUMS, for `sha256sum -c SHA256SUMS` inside the unzipped folder."""
    lines = "".join(f"{f.sha256}  {f.path}\n" for f in files)
    writer.write("SHA256SUMS", [lines.encode()])


def dump_archive(
    *, output: Path, today: date | None = None, log: Callable[[str], None] = lambda _: None
) -> DumpResult:
    """Write output/<name>.zip and output/<name>.json from one snapshot of the database."""
    output.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    name = next_name(output, today or created.date())
    version = name.removeprefix(PREFIX)
    partial = output / f"{name}.zip.part"
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost:  # inside a caller's transaction, its snapshot is the one there is
            start_snapshot()
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            writer = ZipWriter(archive, name, created)
            files = write_tables(writer, log)
            manifest = build_manifest(name, version, files, created)
            package = build_datapackage(manifest, tables(), files)
            files += write_texts(writer, manifest)
            files.append(writer.write("datapackage.json", [_json_bytes(package)]))
            manifest["files"] = [asdict(f) for f in files]
            write_checksums(writer, files)
            writer.write("manifest.json", [_json_bytes(manifest)])
    return _publish(partial, output, name, manifest)


def start_snapshot() -> None:
    """Make the transaction just opened a read-only snapshot: every file sees the same rows."""
    with connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def _publish(partial: Path, output: Path, name: str, manifest: dict) -> DumpResult:
    """Checksum the zip, move it into place, and write its manifest beside it."""
    final = output / f"{name}.zip"
    os.replace(partial, final)
    archive = {"file": final.name, "bytes": final.stat().st_size, "sha256": _sha256(final)}
    sidecar = output / f"{name}.json"
    sidecar.write_bytes(_json_bytes({**manifest, "archive": archive}))
    return DumpResult(name, final, sidecar, {**manifest, "archive": archive})


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


# Finding and serving dumps ----------------------------------------------------------------------


def _order(name: str) -> tuple[str, int]:
    match = NAME.fullmatch(name)
    return (match[1], int(match[2] or 1)) if match else ("", 0)


def published_dumps(folder: Path | None = None) -> list[dict]:
    """Manifests of the dumps in the folder whose zip is present, newest first."""
    folder = folder or dumps_dir()
    if not folder.is_dir():
        return []
    found = []
    for sidecar in folder.glob(f"{PREFIX}*.json"):
        if NAME.fullmatch(sidecar.stem) and (folder / f"{sidecar.stem}.zip").is_file():
            try:
                found.append(json.loads(sidecar.read_text()))
            except (OSError, ValueError):
                continue
    return sorted(found, key=lambda m: _order(m.get("name", "")), reverse=True)


@require_safe
def download_page(request: HttpRequest) -> HttpResponse:
    """The data page: the latest dump, exports, the API, feeds and the data dictionary."""
    dumps = published_dumps()
    context = {
        "latest": dumps[0] if dumps else None,
        "older": dumps[1:10],
        "tables": [(t, [(f, type_label(f)) for f in t.fields]) for t in tables()],
        "separator": LIST_SEPARATOR,
        "site_url": site_url(),
        # With no dump, no version: citing today's date as one named a dump that does not exist.
        "citation": suggested_citation(
            dumps[0]["version"] if dumps else None, year=timezone.localdate().year
        ),
        "rates": {
            group: rate_in_words(settings.RATELIMIT_RATES[group]) for group in MACHINE_GROUPS
        },
        "concurrent": settings.RATELIMIT_CONCURRENT,
    }
    return render(request, "data/download.html", context)


RATE_WORDS = {
    1: gettext_lazy("%(n)s requests a second"),
    60: gettext_lazy("%(n)s requests a minute"),
    3600: gettext_lazy("%(n)s requests an hour"),
    86400: gettext_lazy("%(n)s requests a day"),
}


def rate_in_words(rate: str) -> str:
    """ "10/m" as "10 requests a minute", in the interface's language."""
    seconds, n = period_seconds(rate), rate.partition("/")[0]
    if seconds in RATE_WORDS:
        return str(RATE_WORDS[seconds]) % {"n": n}
    return gettext("%(n)s requests every %(seconds)s seconds") % {"n": n, "seconds": seconds}


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI over the API's OpenAPI document, from the archive's own static files."""
    context = {
        "openapi_url": reverse("data:api-openapi"),
        "api_root": site_url() + reverse("data:api-root"),
        "swagger_version": SWAGGER_UI_VERSION,
    }
    return render(request, "data/api_docs.html", context)


@require_safe
def data_dictionary(request: HttpRequest) -> HttpResponse:
    return HttpResponse(render_data_dictionary(), content_type="text/markdown; charset=utf-8")


@require_safe
def dump_file(request: HttpRequest, name: str, ext: str) -> HttpResponse:
    """A dump's zip or manifest, by exact name (nothing else in the folder is reachable)."""
    if not NAME.fullmatch(name) or ext not in ("zip", "json"):
        raise Http404("No such dump")
    path = dumps_dir() / f"{name}.{ext}"
    if not path.is_file():
        raise Http404("No such dump")
    etag, modified = file_validators(path)
    if not_modified := get_conditional_response(request, etag=etag, last_modified=modified):
        return not_modified
    response = send_file(path, ext)
    response["ETag"], response["Last-Modified"] = etag, http_date(modified)
    return response


def file_validators(path: Path) -> tuple[str, int]:
    """A published file's ETag (its size and time: a dump is never rewritten) and time."""
    found = path.stat()
    return f'"{found.st_size:x}-{found.st_mtime_ns:x}"', int(found.st_mtime)


def send_file(path: Path, ext: str) -> HttpResponse:
    """The zip or manifest, sent by the front server when it can."""
    if settings.DATA_DUMPS_ACCEL_PREFIX:
        # The front server sends the file (nginx `internal` location): no thread is held by a
        # slow download.
        response = HttpResponse(content_type="application/zip" if ext == "zip" else None)
        response["X-Accel-Redirect"] = settings.DATA_DUMPS_ACCEL_PREFIX + path.name
        if ext == "zip":
            response["Content-Disposition"] = f'attachment; filename="{path.name}"'
    else:
        response = FileResponse(path.open("rb"), as_attachment=ext == "zip", filename=path.name)
    if ext == "json":
        response["Content-Type"] = "application/json"
    return response


@require_safe
def latest_dump(request: HttpRequest, ext: str) -> HttpResponse:
    """Redirect to the newest dump's zip or manifest: a stable link for scripts."""
    dumps = published_dumps()
    if not dumps:
        raise Http404("No dump has been published yet")
    url = reverse("data:dump-file", kwargs={"name": dumps[0]["name"], "ext": ext})
    response = HttpResponseRedirect(url)
    return response
