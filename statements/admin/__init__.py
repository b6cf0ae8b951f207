"""Admin registrations of the statements app."""

from statements.admin import meetings_admin, models_admin  # noqa: F401
from statements.ingest import admin as ingest_admin  # noqa: F401
from statements.ingest import corrections_admin  # noqa: F401, E402
from statements.themes import admin as themes_admin  # noqa: F401
