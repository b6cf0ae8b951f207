"""Names as they read in running text: the delegation's article, a printed name's case."""

from __future__ import annotations

import pytest

from statements.ingest.speaker_names import display_name
from statements.reference.articles import with_article


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Russian Federation", "the Russian Federation"),
        ("Sudan", "the Sudan"),
        ("United States of America", "the United States of America"),
        ("Republic of Korea", "the Republic of Korea"),
        ("European Union", "the European Union"),
        ("Holy See", "the Holy See"),
        ("Iran (Islamic Republic of)", "Iran (Islamic Republic of)"),
        ("Bolivia (Plurinational State of)", "Bolivia (Plurinational State of)"),
        ("France", "France"),
        ("Viet Nam", "Viet Nam"),
        ("UNICEF", "UNICEF"),
    ],
)
def test_with_article(name, expected):
    assert with_article(name) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("CHO TAE-YUL", "Cho Tae-yul"),
        ("BAN KI-MOON", "Ban Ki-moon"),
        ("JEAN-PIERRE LACROIX", "Jean-Pierre Lacroix"),
        ("HAMAD AL-THANI", "Hamad al-Thani"),
        ("MARÍA DEL CARMEN SQUEFF", "María del Carmen Squeff"),
        ("Cho Tae-Yul", "Cho Tae-Yul"),  # mixed case is kept as printed
    ],
)
def test_display_name(printed, expected):
    assert display_name(printed) == expected


@pytest.mark.django_db
def test_the_speakers_page_sorts_by_surname(client):
    from statements.models import Speaker

    for name, slug in [
        ("María del Carmen Squeff", "squeff"),
        ("Cho Tae-yul", "cho"),
        ("Anna Ekstedt", "ekstedt"),
        ("Zhanna Adams", "adams"),
    ]:
        Speaker.objects.create(name=name, slug=slug)
    page = client.get("/speakers/").content.decode()
    order = [page.index(name) for name in ("Zhanna Adams", "Cho Tae-yul", "Anna Ekstedt")]
    assert order == sorted(order) and page.index("Anna Ekstedt") < page.index("Squeff")
