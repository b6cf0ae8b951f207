"""Admin registrations of the statements app (the other apps' admin modules are found by Django)."""

from statements.admin import meetings_admin, models_admin  # noqa: F401
