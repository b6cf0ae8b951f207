"""Ingest press-release files and folders through the same write path as the admin."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from statements.ingest import IngestError, ingest_release, size_error
from statements.ingest.release_files import SIDECAR_SUFFIX, iter_release_files, read_sidecar
from statements.ingest.sources import parse_source

# An error that a value answers, and how to give that value on the command line.
_ANSWERS = (
    ("has no symbol", "--symbol GA/12388"),
    ("does not look like a press release symbol", "--symbol GA/12388"),
    ("has no date", "--date 2024-05-02"),
    ("was inferred, not printed", "--date YYYY-MM-DD, or --accept-inferred-dates"),
    ("body could not be recognised", '--body "Security Council"'),
)


class Command(BaseCommand):
    help = (
        "Ingest press releases (HTML pages or text copies; files or folders). Each file is written "
        "in its own transaction; one bad file never stops the rest. Staff-supplied values (symbol, "
        "date, ...) are read from NAME.meta.json beside NAME.html when present."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to ingest")
        parser.add_argument(
            "--accept-inferred-dates",
            action="store_true",
            help="Store dates the parser inferred (marked as inferred) instead of refusing them",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar")
        parser.add_argument(
            "--symbol", help="The release's symbol (e.g. GA/12388), when one file is given"
        )
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="The meeting's date (YYYY-MM-DD), when one file is given",
        )
        parser.add_argument("--body", help='The UN body ("Security Council"), for every file')
        parser.add_argument(
            "--quiet-warnings",
            action="store_true",
            help="Do not print the parser's warnings for each file",
        )

    def handle(self, *args, **options):
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        files = list(iter_release_files(options["paths"]))
        if len(files) > 1 and (options["symbol"] or options["date"]):
            raise CommandError(
                f"--symbol and --date name one release, but {len(files)} files were given: "
                f"ingest that file alone, or put the values in its {SIDECAR_SUFFIX}."
            )
        self._given = {k: options[k] for k in ("symbol", "date", "body") if options[k]}
        self._show_warnings = not options["quiet_warnings"]
        actions, failures = Counter(), []
        bar = tqdm(
            files, unit="file", disable=options["no_progress"] or not files, file=self.stderr
        )
        for path in bar:
            try:
                result = self._ingest(path, options["accept_inferred_dates"])
            except IngestError as exc:
                failures.append(_with_answers(str(exc), path))
                actions["failed"] += 1
                continue
            except DatabaseError as exc:  # validation should stop these; never stop the folder
                failures.append(f"{path}: the database refused it ({exc.__class__.__name__}).")
                actions["failed"] += 1
                continue
            actions[result.action] += 1
            if options["verbosity"] > 1:
                bar.write(result.summary())
        self._report(len(files), actions, failures)
        if failures:
            raise CommandError(f"{len(failures)} of {len(files)} files failed.", returncode=1)

    def _ingest(self, path: Path, accept_inferred: bool):
        """Read one file and its sidecar, then ingest it."""
        try:
            if message := size_error(path.stat().st_size, str(path)):
                raise IngestError(message)
            source = path.read_bytes()
            overrides = read_sidecar(path)
        except OSError as exc:
            raise IngestError(f"{path}: cannot read the file ({exc.strerror}).") from exc
        except ValueError as exc:  # a sidecar that is not JSON, or a date that is not ISO
            raise IngestError(f"{path}: its .meta.json cannot be read ({exc}).") from exc
        overrides |= self._given
        if accept_inferred:
            overrides["confirm_date"] = True
        parsed = parse_source(source, source_name=path.name)
        if self._show_warnings:
            for warning in parsed.warnings:
                self.stderr.write(f"  {path.name}: warning: {warning}")
        try:
            return ingest_release(
                parsed=parsed,
                source=source,
                source_name=path.name,
                overrides=overrides,
                via="command",
            )
        except IngestError as exc:
            raise IngestError(f"{path.name}: {exc}") from exc

    def _report(self, total: int, actions: Counter, failures: list[str]) -> None:
        """Print the summary: counts by outcome, then every failure with its reason."""
        parts = [f"{actions[a]} {a}" for a in ("created", "updated", "unchanged", "failed")]
        self.stdout.write(f"{total} file{'s' * (total != 1)}: " + ", ".join(parts))
        for failure in failures:
            self.stderr.write(f"  failed: {failure}")


def _with_answers(message: str, path: Path) -> str:
    """Add to an error that a value answers how to give that value on the command line."""
    options = [option for phrase, option in _ANSWERS if phrase in message]
    if not options:
        return message
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX).name
    return (
        f"{message} Give it with {' and '.join(dict.fromkeys(options))}, "
        f"or in {sidecar} beside the file."
    )
