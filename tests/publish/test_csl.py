"""CSL-JSON of statements and meetings, rendered by a CSL processor (citeproc-py); the language
in BibTeX and RIS."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import citeproc
from citeproc.source.json import CiteProcJSON
from django.urls import reverse

from statements.publish import csl
from statements.publish.citations import bibtex, ris
from tests.factories import make_meeting, make_release, make_speaker, make_statement

CSL_TYPE = "application/vnd.citationstyles.csl+json"
# citeproc-py ships its own copy of the Harvard style (Cite Them Right): no download.
HARVARD = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"


def rendered(items: list[dict]) -> str:
    """The bibliography entry a CSL processor makes of the items (Harvard style)."""
    source = CiteProcJSON(items)
    style = citeproc.CitationStylesStyle(str(HARVARD), validate=False)
    bibliography = citeproc.CitationStylesBibliography(style, source, citeproc.formatter.plain)
    bibliography.register(citeproc.Citation([citeproc.CitationItem(items[0]["id"])]))
    return str(bibliography.bibliography()[0])


def test_a_statement_by_a_named_speaker_renders_with_the_speaker_as_author(client, db):
    meeting = make_meeting(release=make_release(symbol="GA/12388", language="fr"))
    speaker = make_speaker(name="Mona Juul")
    statement = make_statement(meeting=meeting, speaker=speaker)
    response = client.get(reverse("statements:statement-cite", args=[statement.pk, "json"]))
    assert response.status_code == 200
    assert response["Content-Type"] == CSL_TYPE
    (item,) = response.json()
    assert item["author"] == [{"family": "Juul", "given": "Mona"}]
    assert item["language"] == "fr" and item["type"] == "speech"
    assert item["issued"] == {"date-parts": [[2021, 11, 23]]}
    text = rendered(response.json())
    assert text.startswith("Juul, M. (2021) “Statement by Mona Juul (Norway) to the General")
    assert item["number"] == "GA/12388"


def test_a_statement_with_no_named_speaker_has_its_delegation_as_institutional_author(client, db):
    statement = make_statement(delegation="BRA", speaker=None)
    item = csl.statement_item(statement, accessed=date(2026, 12, 7))
    assert item["author"] == [{"literal": "Brazil"}]
    assert rendered([item]).startswith("Brazil (2021) “Statement by Brazil to the General")


def test_a_meeting_cites_as_a_report_of_the_united_nations(client, db):
    meeting = make_meeting(release=make_release(symbol="SC/15432", headline="Council extends"))
    response = client.get(reverse("statements:meeting-cite", args=[meeting.pk]))
    (item,) = response.json()
    assert item["type"] == "report" and item["number"] == "SC/15432"
    assert item["language"] == "en"
    assert "Council extends" in rendered(response.json())
    assert client.get(reverse("statements:meeting-cite", args=[987654])).status_code == 404


def test_bibtex_and_ris_carry_the_release_language(db):
    meeting = make_meeting(release=make_release(language="fr"))
    statement = make_statement(meeting=meeting)
    assert "language     = {fr}" in bibtex(statement, date(2026, 12, 7))
    assert "LA  - fr\r\n" in ris(statement, date(2026, 12, 7))
