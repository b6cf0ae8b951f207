"""URLs of data out: exports, the JSON API, feeds, the full dump, sitemap and robots."""

from django.urls import path, re_path

from statements import dump, exports, feeds, sitemaps
from statements.api import decisions as api_decisions
from statements.api import views as api

app_name = "data"

urlpatterns = [
    # Exports of any search: the statements page's query string, every match.
    path("statements/export.csv", exports.export_statements, {"fmt": "csv"}, name="export-csv"),
    path(
        "statements/export.jsonl", exports.export_statements, {"fmt": "jsonl"}, name="export-jsonl"
    ),
    # The JSON API.
    path("api/v1/", api.api_root, name="api-root"),
    path("api/v1/openapi.json", api.openapi_document, name="api-openapi"),
    path("api/v1/statements", api.statement_list, name="api-statements-list"),
    path("api/v1/statements/<int:pk>", api.statement_detail, name="api-statements-detail"),
    path("api/v1/speakers", api.list_view("speakers"), name="api-speakers-list"),
    path("api/v1/speakers/<slug:slug>", api.speaker_detail, name="api-speakers-detail"),
    path("api/v1/delegations", api.list_view("delegations"), name="api-delegations-list"),
    path("api/v1/delegations/<str:code>", api.delegation_detail, name="api-delegations-detail"),
    path("api/v1/meetings", api.list_view("meetings"), name="api-meetings-list"),
    path("api/v1/meetings/<int:pk>", api.meeting_detail, name="api-meetings-detail"),
    path("api/v1/releases", api.list_view("releases"), name="api-releases-list"),
    path("api/v1/releases/<path:symbol>", api.release_detail, name="api-releases-detail"),
    path("api/v1/themes", api.list_view("themes"), name="api-themes-list"),
    path("api/v1/themes/<slug:slug>", api.theme_detail, name="api-themes-detail"),
    path("api/v1/decisions", api_decisions.decision_list, name="api-decisions-list"),
    path("api/v1/decisions/<int:pk>", api_decisions.decision_detail, name="api-decisions-detail"),
    re_path(r"^api/(?P<rest>.*)$", api.api_not_found, name="api-not-found"),
    # Atom feeds.
    path("feeds/statements.atom", feeds.search_feed, name="feed-statements"),
    path("feeds/speakers/<slug:slug>.atom", feeds.speaker_feed, name="feed-speaker"),
    path("feeds/delegations/<slug:slug>.atom", feeds.delegation_feed, name="feed-delegation"),
    path("feeds/themes/<slug:slug>.atom", feeds.theme_feed, name="feed-theme"),
    # The full dump and the data dictionary.
    path("data/", dump.download_page, name="download"),
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
