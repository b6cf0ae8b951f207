"""Admin registrations of the statements app."""

from statements.admin import ingest_admin, models_admin, themes_admin  # noqa: F401
