"""The search app: filters, facets, result pages and the search index (statements/search/index/).

Its label stays "search_index", the app's name before it held the filters: the outbox table and
the migrations keep their names.
"""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "statements.search"
    label = "search_index"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"
