"""Root URLs: the research site, the admin, health."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponse, JsonResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache


def healthz(request):
    """Answer 200 when the process is up (the load balancer's check)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """200 when this machine can serve searches: database, index, indexer, lag; else 503."""
    from statements.search.index.health import readiness

    ready, details = readiness()
    return JsonResponse({"ready": ready, **details}, status=200 if ready else 503)


urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Data out (API, exports, feeds, dumps, sitemaps) has one address in every language.
    path("", include("statements.publish.urls")),
    # Tools whose pages and messages are not translated yet: English only, at one address.
    path("", include("statements.harvest.urls")),
    path("", include("statements.alignment.urls")),
    path("", include("statements.alerts.urls")),
]
# The research site in every interface language: English at the unprefixed URLs (permalinks
# never change), other languages under their prefix (/fr/statements/12/).
urlpatterns += i18n_patterns(
    path("", include("statements.urls")),
    prefix_default_language=False,
)
