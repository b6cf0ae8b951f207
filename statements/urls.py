"""URLs of the research site: canonical slug URLs, ids redirect."""

from django.urls import path, re_path

from statements import views

app_name = "statements"

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/", views.statement_list, name="statement-list"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("statements/<int:pk>/cite.<str:fmt>", views.statement_cite, name="statement-cite"),
    path("speakers/", views.speaker_list, name="speaker-list"),
    path("speakers/<int:pk>/", views.speaker_by_id, name="speaker-by-id"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker-detail"),
    path("delegations/", views.delegation_list, name="delegation-list"),
    path("delegations/<slug:slug>/", views.delegation_detail, name="delegation-detail"),
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/source/", views.release_source, name="meeting-source"),
    path("decisions/", views.decision_list, name="decision-list"),
    re_path(
        r"^decisions/(?P<table>decisions|votes)\.(?P<fmt>csv|jsonl)$",
        views.export_votes,
        name="decision-export",
    ),
    path("themes/", views.theme_list, name="theme-list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme-detail"),
]
