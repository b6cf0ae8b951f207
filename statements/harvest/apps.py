"""The harvester's app: runs, fetched pages and the review queue."""

from django.apps import AppConfig


class HarvestConfig(AppConfig):
    name = "statements.harvest"
    label = "harvest"
    verbose_name = "Harvest from press.un.org"
    default_auto_field = "django.db.models.BigAutoField"
