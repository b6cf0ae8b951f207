"""URLs of data out: exports, the JSON API, feeds, the full dump, sitemap and robots."""

from django.urls import include, path, re_path

from statements.publish import dump, feeds, historical, popolo, sitemaps
from statements.publish.api.app import api, not_found
from statements.publish.exports.views import export_statements

app_name = "data"

urlpatterns = [
    # Exports of any search: the statements page's query string, every match.
    path("statements/export.csv", export_statements, {"fmt": "csv"}, name="export-csv"),
    path("statements/export.jsonl", export_statements, {"fmt": "jsonl"}, name="export-jsonl"),
    # The JSON API.
    path("api/v1/", include(api.urls[0])),
    re_path(r"^api/(?P<rest>(?s:.*))$", not_found, name="api-not-found"),
    # Atom feeds.
    path("feeds/statements.atom", feeds.search_feed, name="feed-statements"),
    path("feeds/speakers/<slug:slug>.atom", feeds.speaker_feed, name="feed-speaker"),
    path("feeds/delegations/<slug:slug>.atom", feeds.delegation_feed, name="feed-delegation"),
    path("feeds/themes/<slug:slug>.atom", feeds.theme_feed, name="feed-theme"),
    # The full dump and the data dictionary (the pages about them: page_urls.py).
    path("data/popolo.json", popolo.popolo_export, name="popolo"),
    path(
        "data/historical-states.json",
        historical.historical_states_export,
        name="historical-states",
    ),
    path("data/data-dictionary.md", dump.data_dictionary, name="data-dictionary"),
    re_path(r"^data/latest\.(?P<ext>zip|json)$", dump.latest_dump, name="dump-latest"),
    re_path(
        r"^data/(?P<name>un-statements-archive-[0-9.-]+)\.(?P<ext>zip|json)$",
        dump.dump_file,
        name="dump-file",
    ),
    # For crawlers.
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    re_path(
        rf"^sitemap-(?P<section>{'|'.join(sitemaps.SITEMAPS)})\.xml$",
        sitemaps.sitemap_section,
        name="sitemap-section",
    ),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
