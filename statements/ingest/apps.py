"""The ingest app: the upload and review pages of the admin, the write path, its commands."""

from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "statements.ingest"
    label = "ingest"
    verbose_name = "Ingest press releases"
