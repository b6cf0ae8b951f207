"""The decisions app: what each meeting decided, how delegations voted, who explained a vote."""

from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "statements.decisions"
    label = "decisions"
    verbose_name = "Decisions and votes"
    default_auto_field = "django.db.models.BigAutoField"
