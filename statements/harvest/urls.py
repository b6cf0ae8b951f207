"""Public URLs of the harvest app: the coverage pages."""

from django.urls import path

from statements.harvest import views

app_name = "harvest"
urlpatterns = [
    path("coverage/", views.coverage_index, name="coverage"),
    path("coverage/<slug:body>/<int:year>/", views.coverage_detail, name="coverage-detail"),
]
