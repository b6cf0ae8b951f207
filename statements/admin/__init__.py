"""Admin registrations of the statements app (the other apps' admin modules are found by Django)."""

from statements.admin import models_admin  # noqa: F401
