"""Root URLs: the research site, the admin, health."""

from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path


def healthz(request):
    """Answer 200 when the process is up (the load balancer's check)."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("statements.publish.urls")),
    path("", include("statements.urls")),
    path("", include("statements.alignment.urls")),
    path("", include("statements.alerts.urls")),
]
