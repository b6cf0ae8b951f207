"""sitemap.xml (an index of paginated sections: statements may be millions) and robots.txt."""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as section_view
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from config.public_urls import site_url
from meetings.models import Meeting
from statements.models import Delegation, Speaker, Statement
from statements.themes.models import Theme

URLS_PER_SITEMAP = 10_000  # the protocol allows 50,000; smaller pages render in under a second
_PROBE = 987654321


class SiteSitemap(Sitemap):
    """URLs on the public site: SITE_URL, else the host that asked for the sitemap."""

    limit = URLS_PER_SITEMAP

    def get_protocol(self, protocol=None) -> str:
        return site_url().split("://", 1)[0]

    def get_domain(self, site=None) -> str:
        return site_url().split("://", 1)[1]

    def get_latest_lastmod(self) -> datetime | None:
        # The default walks every item; sections with many rows answer with one query.
        return None


class PathSitemap(SiteSitemap):
    """Rows given as (key, lastmod) tuples, located by a one-argument route."""

    route = ""
    lastmod_field: str | None = None

    def __init__(self) -> None:
        prefix, suffix = reverse(self.route, args=[_PROBE]).split(str(_PROBE))
        self.prefix, self.suffix = prefix, suffix

    def rows(self) -> QuerySet:
        raise NotImplementedError

    def items(self) -> QuerySet:
        return self.rows()

    def location(self, item: tuple) -> str:
        return f"{self.prefix}{item[0]}{self.suffix}"

    def lastmod(self, item: tuple) -> datetime | None:
        return item[1]


class StatementSitemap(PathSitemap):
    route = "statements:statement-detail"

    def rows(self) -> QuerySet:
        return Statement.objects.order_by("id").values_list("id", "updated_at")

    def get_latest_lastmod(self) -> datetime | None:
        return Statement.objects.aggregate(latest=Max("updated_at"))["latest"]


class MeetingSitemap(PathSitemap):
    route = "statements:meeting-detail"

    def rows(self) -> QuerySet:
        return Meeting.objects.order_by("id").values_list("id", "release__ingested_at")

    def get_latest_lastmod(self) -> datetime | None:
        return Meeting.objects.aggregate(latest=Max("release__ingested_at"))["latest"]


class SpeakerSitemap(PathSitemap):
    route = "statements:speaker-detail"
    changefreq = "weekly"

    def rows(self) -> QuerySet:
        return Speaker.objects.canonical().order_by("id").values_list("slug", "pk")

    def lastmod(self, item: tuple) -> None:
        return None


class DelegationSitemap(PathSitemap):
    route = "statements:delegation-detail"
    changefreq = "weekly"

    def rows(self) -> QuerySet:
        spoke = Exists(Statement.objects.filter(delegation=OuterRef("pk")))
        return Delegation.objects.filter(spoke).order_by("id").values_list("slug", "pk")

    def lastmod(self, item: tuple) -> None:
        return None


class ThemeSitemap(DelegationSitemap):
    route = "statements:theme-detail"

    def rows(self) -> QuerySet:
        return Theme.objects.order_by("position", "id").values_list("slug", "pk")


class PageSitemap(SiteSitemap):
    """The site's fixed pages."""

    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "statements:home",
            "statements:statement-list",
            "statements:delegation-list",
            "statements:theme-list",
            "statements:meeting-list",
            "statements:speaker-list",
            "data-pages:download",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PageSitemap,
    "themes": ThemeSitemap,
    "delegations": DelegationSitemap,
    "speakers": SpeakerSitemap,
    "meetings": MeetingSitemap,
    "statements": StatementSitemap,
}


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Every page of every section, each at its own URL (?p=2 ...), as a sitemap index."""
    entries = []
    for section, kind in SITEMAPS.items():
        sitemap = kind()
        url = site_url() + reverse("data:sitemap-section", args=[section])
        pages = sitemap.paginator.num_pages
        lastmod = sitemap.get_latest_lastmod()
        entries += [
            {"location": url if n == 1 else f"{url}?p={n}", "lastmod": lastmod}
            for n in range(1, pages + 1)
        ]
    return TemplateResponse(
        request, "data/sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One page of one section (Django's sitemap view, with this site's template)."""
    return section_view(
        request, {section: SITEMAPS[section]}, section=section, template_name="data/sitemap.xml"
    )


ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /api/
Disallow: /feeds/
Disallow: /statements/export
Disallow: /statements/?
Disallow: /meetings/*/source/
Disallow: /data/un-statements-archive-

Sitemap: {sitemap}
"""


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawl the pages, not the endless search combinations, exports, API or dumps."""
    sitemap = site_url() + reverse("data:sitemap")
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")
