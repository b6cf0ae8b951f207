"""Research pages, one module a page; URLs import the views from here."""

from statements.decisions.views import decision_list, export_votes
from statements.views.checks import checks
from statements.views.delegations import delegation_detail, delegation_list
from statements.views.home import home
from statements.views.meetings import meeting_detail, meeting_list, release_source
from statements.views.search import statement_list
from statements.views.speakers import speaker_by_id, speaker_detail, speaker_list
from statements.views.statements import meeting_cite, statement_cite, statement_detail
from statements.views.themes import theme_detail, theme_list

__all__ = [
    "checks",
    "decision_list",
    "export_votes",
    "delegation_detail",
    "delegation_list",
    "home",
    "meeting_cite",
    "meeting_detail",
    "meeting_list",
    "release_source",
    "speaker_by_id",
    "speaker_detail",
    "speaker_list",
    "statement_cite",
    "statement_detail",
    "statement_list",
    "theme_detail",
    "theme_list",
]
