"""The publish app: the JSON API, exports, the dump, feeds, sitemaps and citations."""

from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "statements.publish"
    label = "publish"
    verbose_name = "Publish"
