"""URLs of the research site: canonical slug URLs, ids redirect; public pages cached per index
commit (views/page_cache.py)."""

from django.urls import path, re_path

from statements import views
from statements.views.page_cache import per_index_commit as cached

app_name = "statements"

urlpatterns = [
    path("", cached(views.home), name="home"),
    path("statements/", cached(views.statement_list), name="statement-list"),
    path("statements/<int:pk>/", cached(views.statement_detail), name="statement-detail"),
    path("statements/<int:pk>/cite.<str:fmt>", views.statement_cite, name="statement-cite"),
    path("speakers/", cached(views.speaker_list), name="speaker-list"),
    path("speakers/<int:pk>/", views.speaker_by_id, name="speaker-by-id"),
    path("speakers/<slug:slug>/", cached(views.speaker_detail), name="speaker-detail"),
    path("delegations/", cached(views.delegation_list), name="delegation-list"),
    path("delegations/<slug:slug>/", cached(views.delegation_detail), name="delegation-detail"),
    path("meetings/", cached(views.meeting_list), name="meeting-list"),
    path("meetings/<int:pk>/", cached(views.meeting_detail), name="meeting-detail"),
    path("meetings/<int:pk>/cite.json", views.meeting_cite, name="meeting-cite"),
    path("meetings/<int:pk>/source/", views.release_source, name="meeting-source"),
    path("decisions/", views.decision_list, name="decision-list"),
    re_path(
        r"^decisions/(?P<table>decisions|votes)\.(?P<fmt>csv|jsonl)$",
        views.export_votes,
        name="decision-export",
    ),
    path("checks/", cached(views.checks), name="checks"),
    path("themes/", cached(views.theme_list), name="theme-list"),
    path("themes/<slug:slug>/", cached(views.theme_detail), name="theme-detail"),
]
