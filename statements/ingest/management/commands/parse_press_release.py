"""Parse one press release and print what was found, without writing anything."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.ingest import size_error
from statements.parsing import NotAPressRelease, ParseError, parse_press_release


class Command(BaseCommand):
    help = "Parse a press release file (HTML or text) and print the result; writes nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The press release: saved HTML page or text")
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the whole parse as one JSON object (ParsedRelease.to_dict())",
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            if message := size_error(path.stat().st_size, str(path)):
                raise CommandError(message)
            source = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror}).") from exc
        try:
            parsed = parse_press_release(source, filename=path.name)
        except NotAPressRelease as exc:
            raise CommandError(f"{path}: not a press release: {exc}") from exc
        except ParseError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        data = parsed.to_dict()
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_as_text(data))


def _as_text(data: dict) -> str:
    """A readable report of the parse."""
    meeting = data["meeting"]
    lines = [f"{k}: {v}" for k, v in meeting.items()]
    lines.append(f"\n{len(data['statements'])} statements:")
    for s in data["statements"]:
        who = s["speaker"] or "(no name)"
        extra = f" [{s['kind']}]" if s["kind"] != "statement" else ""
        lines.append(
            f"{s['sequence']:>4}. {who} — {s['delegation'] or s['delegation_label']}{extra}"
        )
    counts = (len(data["decisions"]), len(data["elections"]), len(data["narrative"]))
    lines.append("\n{} decisions, {} elections, {} narrative paragraphs".format(*counts))
    lines += [f"warning: {w}" for w in data["warnings"]]
    lines += [f"error: {e}" for e in data["errors"]]
    return "\n".join(lines)
