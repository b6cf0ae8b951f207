"""URLs of the research tools: /alignment/<tool>/ and its CSV."""

from django.urls import path

from statements.alignment import views

app_name = "alignment"

urlpatterns = [
    path("alignment/", views.page, {"tool": "pair"}, name="pair"),
    path("alignment/pair.csv", views.csv_export, {"tool": "pair"}, name="pair-csv"),
    path("alignment/matrix/", views.page, {"tool": "matrix"}, name="matrix"),
    path("alignment/matrix.csv", views.csv_export, {"tool": "matrix"}, name="matrix-csv"),
    path("alignment/alike/", views.page, {"tool": "alike"}, name="alike"),
    path("alignment/alike.csv", views.csv_export, {"tool": "alike"}, name="alike-csv"),
    path("alignment/side-by-side/", views.page, {"tool": "side-by-side"}, name="side-by-side"),
    path(
        "alignment/side-by-side.csv",
        views.csv_export,
        {"tool": "side-by-side"},
        name="side-by-side-csv",
    ),
    path(
        "alignment/words-and-votes/",
        views.page,
        {"tool": "words-and-votes"},
        name="words-and-votes",
    ),
    path(
        "alignment/words-and-votes.csv",
        views.csv_export,
        {"tool": "words-and-votes"},
        name="words-and-votes-csv",
    ),
]
