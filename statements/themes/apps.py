"""The themes app: the taxonomy, its rules, the tags they put on statements and meetings."""

from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "statements.themes"
    label = "themes"
    verbose_name = "Themes"
    default_auto_field = "django.db.models.BigAutoField"
