"""URLs of the research tools' CSV: data out, one address for every language."""

from django.urls import path

from statements.alignment import views

app_name = "alignment-csv"

urlpatterns = [
    path("alignment/pair.csv", views.csv_export, {"tool": "pair"}, name="pair"),
    path("alignment/matrix.csv", views.csv_export, {"tool": "matrix"}, name="matrix"),
    path("alignment/alike.csv", views.csv_export, {"tool": "alike"}, name="alike"),
    path(
        "alignment/side-by-side.csv",
        views.csv_export,
        {"tool": "side-by-side"},
        name="side-by-side",
    ),
    path(
        "alignment/words-and-votes.csv",
        views.csv_export,
        {"tool": "words-and-votes"},
        name="words-and-votes",
    ),
]
