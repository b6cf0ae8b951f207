"""Write the full, versioned dump that the /data/ page serves."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand

from statements.publish.dump import dump_archive, dumps_dir, render_data_dictionary


class Command(BaseCommand):
    help = (
        "Write every table (statements, speakers, delegations, meetings, releases, themes) as "
        "CSV and JSON Lines, with the data dictionary, a README with a suggested citation, "
        "SHA256SUMS and manifest.json, into one zip named un-statements-archive-YYYY-MM-DD.zip "
        "(.2, .3 ... for another the same day), from one consistent snapshot; its manifest is "
        "written beside it. The /data/ page serves the newest dump in settings.DATA_DUMPS_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Folder to write to (default: settings.DATA_DUMPS_DIR, var/dumps)",
        )
        parser.add_argument(
            "--data-dictionary",
            action="store_true",
            help="Only print the data dictionary (Markdown); redirect it to "
            "docs/data-dictionary.md after changing a field",
        )

    def handle(self, *args, **options):
        if options["data_dictionary"]:
            self.stdout.write(render_data_dictionary(), ending="")
            return
        started = time.perf_counter()
        output = options["output"] or dumps_dir()
        result = dump_archive(output=output, log=lambda line: self.stderr.write(f"  {line}"))
        archive = result.manifest["archive"]
        counts = ", ".join(f"{n:,} {table}" for table, n in result.manifest["counts"].items())
        self.stdout.write(
            f"Wrote {result.zip_path} ({archive['bytes'] / 1e6:,.1f} MB, sha256 "
            f"{archive['sha256']}): {counts} in {time.perf_counter() - started:.0f} s. "
            f"Manifest: {result.manifest_path}"
        )
