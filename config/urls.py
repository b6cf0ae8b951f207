"""Root URLs: the research site, the admin, health."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import include, path
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache


def healthz(request):
    """Liveness: 200 while the process answers (restart it when not; never a traffic signal)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness, the load balancer's check: 200 when this machine can serve searches (database
    and replica, index present and not behind the pruned outbox, indexer alive, lag under
    READY_MAX_INDEX_LAG_SECONDS); else 503 with the reasons."""
    from statements.search.index.health import readiness

    ready, details = readiness()
    return JsonResponse({"ready": ready, **details}, status=200 if ready else 503)


@never_cache
def metrics(request):
    """The search feed's figures for Prometheus, with the bearer token METRICS_TOKEN only."""
    from prometheus_client import CONTENT_TYPE_LATEST

    from statements.search.index.metrics import exposition

    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token:
        raise Http404("Metrics are off: set METRICS_TOKEN.")
    if not constant_time_compare(given, token):
        return HttpResponse("A bearer token is required.\n", status=401, content_type="text/plain")
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics, name="metrics"),
    # Data out (API, exports, feeds, dumps, sitemaps) has one address in every language.
    path("", include("statements.publish.urls")),
    # The alignment tools' CSV is data out too.
    path("", include("statements.alignment.csv_urls")),
]
# The research site in every interface language: English at the unprefixed URLs (permalinks
# never change), other languages under their prefix (/fr/statements/12/).
urlpatterns += i18n_patterns(
    path("", include("statements.urls")),
    path("", include("statements.alerts.urls")),
    path("", include("statements.harvest.urls")),
    path("", include("statements.alignment.urls")),
    path("", include("statements.publish.page_urls")),
    prefix_default_language=False,
)
