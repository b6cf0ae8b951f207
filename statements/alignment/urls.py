"""URLs of the research tools' pages: /alignment/<tool>/, in every interface language."""

from django.urls import path

from statements.alignment import views

app_name = "alignment"

urlpatterns = [
    path("alignment/", views.page, {"tool": "pair"}, name="pair"),
    path("alignment/matrix/", views.page, {"tool": "matrix"}, name="matrix"),
    path("alignment/alike/", views.page, {"tool": "alike"}, name="alike"),
    path("alignment/side-by-side/", views.page, {"tool": "side-by-side"}, name="side-by-side"),
    path(
        "alignment/words-and-votes/",
        views.page,
        {"tool": "words-and-votes"},
        name="words-and-votes",
    ),
]
