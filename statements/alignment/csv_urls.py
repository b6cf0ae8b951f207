"""URLs of the research tools' CSV: data out, one address for every language."""

from django.urls import path

from statements.alignment import views

app_name = "alignment-csv"

urlpatterns = [
    path(f"alignment/{tool}.csv", views.csv_export, {"tool": tool}, name=tool)
    for tool in views.TOOLS
]
