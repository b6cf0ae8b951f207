from django.apps import AppConfig


class SearchIndexConfig(AppConfig):
    name = "statements.search"
    label = "search_index"
    verbose_name = "Search index"
    default_auto_field = "django.db.models.BigAutoField"
