"""Admin registrations of the statements app."""

from statements.admin import models_admin  # noqa: F401
