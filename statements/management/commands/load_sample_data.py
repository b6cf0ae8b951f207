"""Load the sample press releases shipped with the project (idempotent)."""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"


class Command(BaseCommand):
    help = (
        "Ingest the sample releases in statements/sample_data/; running it again changes nothing."
    )

    def handle(self, *args, **options):
        call_command("ingest_press_releases", str(SAMPLE_DIR), "--no-progress", stdout=self.stdout)
