"""No English left in the French interface, and a complete, compiled French catalogue.

Two checks that fail in different ways:
- the catalogue: every entry has a French text (no empty or fuzzy one), keeps its placeholders,
  and the committed .mo is the compiled .po (a string added to the .po but not compiled fails);
- the pages: each public page is walked in French and its interface text (text nodes, labels,
  titles, placeholders; the archive's own data and anything marked with another `lang` taken
  out) must hold no common English word. A string never marked for translation, or marked but
  missing from the catalogue, shows in English and fails here.
"""

from __future__ import annotations

import functools
import gettext
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import models
from lxml import html as lxml_html

from tests.ui.dataset import build_archive

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{\}")
# Words an English interface is made of and French text never is ("or", "page", "date" and
# "session" are French too, so they are not here).
ENGLISH = re.compile(
    r"\b(the|and|of|with|from|for|this|that|which|what|how|by|per|to|in|on|at|is|are|no|none|"
    r"yet|all|show|remove|search|statements?|meetings?|speakers?|countries|delegations?|"
    r"themes?|previous|next|year|years|filter|checked|printed|copy|download|cite|link|parsed|"
    r"reviewed|corrected|staff|warning|release|speech|member|states)\b",
    re.IGNORECASE,
)
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def test_every_entry_of_the_french_catalogue_is_translated_and_keeps_its_placeholders():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert len(po) > 200
    assert not po.untranslated_entries() and not po.fuzzy_entries()
    assert not po.obsolete_entries()
    for entry in po:
        texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for text in texts:
            assert text.strip(), entry.msgid
            # A translation may leave a placeholder out ("the Holy See": French puts no
            # article), never bring one the English does not have.
            assert set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(entry.msgid))
            assert PLACEHOLDER.findall(text) or not PLACEHOLDER.findall(entry.msgid), entry.msgid


def test_the_committed_mo_is_the_compiled_po(tmp_path):
    compiled = tmp_path / "django.mo"
    polib.pofile(str(CATALOGUE / "django.po")).save_as_mofile(str(compiled))
    with open(compiled, "rb") as fresh, open(CATALOGUE / "django.mo", "rb") as committed:
        expected = gettext.GNUTranslations(fresh)._catalog
        actual = gettext.GNUTranslations(committed)._catalog
    expected.pop("", None)  # the header: msgfmt and polib write it differently
    actual.pop("", None)
    assert actual == expected, "run: python3 dev.py manage compilemessages -l fr --ignore=.venv"


def interface_text(page: str, data: list[str]) -> str:
    """The page's interface text: no script, no text marked in another language, no data."""
    tree = lxml_html.fromstring(page)
    for element in tree.xpath("//script | //style | //*[@lang][not(starts-with(@lang, 'fr'))]"):
        if element.tag != "html":
            element.drop_tree()
    pieces = [" ".join(tree.xpath("//body//text()")), " ".join(tree.xpath("//title//text()"))]
    for name in ATTRIBUTES:
        pieces += tree.xpath(f"//body//@{name}")
    text = re.sub(r"https?://\S+", " ", " ".join(pieces))  # addresses shown as text
    return data_pattern(tuple(data)).sub(" ", text)


@functools.cache
def data_pattern(data: tuple[str, ...]) -> re.Pattern:
    """The archive's values as whole words, longest first (a name inside a title goes with it)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, data)) + r")(?!\w)")


def archive_data() -> list[str]:
    """Every text value the archive holds (names, titles, texts, labels): data, not interface."""
    values = set()
    for model in apps.get_models():
        if not model._meta.app_label.startswith(("meetings", "statements", "themes")):
            continue
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        for row in model.objects.values_list(*fields) if fields else ():
            values.update(v for v in row if isinstance(v, str) and len(v) > 3)
    escaped = {v.replace("&", "&amp;") for v in values}
    return sorted(values | escaped, key=len, reverse=True)


def french_pages(archive) -> list[str]:
    meeting = archive.meetings[0]
    statement = archive.statements[0]
    return [
        "/fr/",
        "/fr/statements/",
        "/fr/statements/?q=nuclear&delegation=NOR&delegation=FRA",
        "/fr/statements/?q=zzzzqqq",
        "/fr/statements/?q=climate&page=2",
        f"/fr/statements/{statement.pk}/",
        f"/fr/statements/{statement.pk}/?q=peace",
        "/fr/delegations/norway/",
        "/fr/delegations/",
        f"/fr/meetings/{meeting.pk}/",
        "/fr/meetings/",
        "/fr/meetings/?body=general-assembly",
        "/fr/speakers/",
        "/fr/speakers/?name=zzz",
        f"/fr/speakers/{archive.speakers['NOR'].slug}/",
        f"/fr/speakers/{archive.speakers['NOR'].slug}/?q=peace",
        "/fr/themes/",
        "/fr/themes/human-rights/",
        "/fr/checks/",
    ]


@pytest.mark.django_db
def test_the_french_interface_has_no_english_left(client):
    archive = build_archive()
    caches["pages"].clear()
    data = archive_data()
    found = {}
    for url in french_pages(archive):
        response = client.get(url)
        assert response.status_code == 200, url
        english = sorted(set(ENGLISH.findall(interface_text(response.content.decode(), data))))
        if english:
            found[url] = english
    assert not found, f"English words in French pages: {found}"


@pytest.mark.django_db
def test_the_check_finds_english_in_an_english_page(client):
    archive = build_archive()
    page = client.get(f"/delegations/norway/?x={archive.meetings[0].pk}").content.decode()
    words = {w.lower() for w in ENGLISH.findall(interface_text(page, archive_data()))}
    assert {"statements", "search", "speakers"} <= words


def _english_words(page: str, data: list[str]) -> list[str]:
    return sorted(set(ENGLISH.findall(interface_text(page, data))))


@pytest.mark.django_db
def test_the_french_alert_pages_have_no_english_left(client):
    """The subscription pages under /fr/alerts/, a French subscriber's label in French."""
    from django.core import mail

    from statements.alerts import tokens
    from statements.alerts.models import Subscription

    build_archive()
    form = {"kind": "delegation", "delegation": "NOR", "email": "r@example.org"}
    pending = client.post("/fr/alerts/", {**form, "frequency": "daily"})
    subscription = Subscription.objects.get()
    assert subscription.label.startswith("Déclarations de ")  # subscribed in French
    assert "/fr/alerts/confirm/" in mail.outbox[0].body
    confirm = f"/fr/alerts/confirm/{tokens.make(subscription, tokens.CONFIRM)}/"
    unsubscribe = f"/fr/alerts/unsubscribe/{tokens.make(subscription, tokens.UNSUBSCRIBE)}/"
    pages = {
        "form": client.get("/fr/alerts/"),
        "refused": client.post("/fr/alerts/", {"kind": "speaker", "email": "r@example.org"}),
        "pending": pending,
        "confirm": client.get(confirm),
        "confirmed": client.post(confirm),
        "unsubscribe": client.get(unsubscribe),
        "unsubscribed": client.post(unsubscribe),
        "invalid": client.get("/fr/alerts/confirm/not-a-token/"),
    }
    data = archive_data() + [subscription.email]
    found = {name: _english_words(r.content.decode(), data) for name, r in pages.items()}
    assert {name: words for name, words in found.items() if words} == {}
    assert "Indiquez l’orateur à suivre." in pages["refused"].content.decode()


@pytest.mark.django_db
def test_the_french_error_pages_have_no_english_left(client):
    """Not found, a NUL refused, too many requests, a server error, the database or the search
    index unavailable, a request stopped: each in French under /fr/."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation

    from config.limits import too_many_requests

    build_archive()
    pages = {
        "404": client.get("/fr/nowhere/"),
        "400": client.get("/fr/statements/?q=%00"),
        "429": too_many_requests(RequestFactory().get("/fr/statements/"), "pages", 30),
    }
    pages = {name: r.content.decode() for name, r in pages.items()}
    with translation.override("fr"):
        for name in ("500", "503", "503_timeout", "search_unavailable"):
            pages[name] = render_to_string(f"{name}.html")
    found = {name: _english_words(page, []) for name, page in pages.items()}
    assert {name: words for name, words in found.items() if words} == {}
    for page in pages.values():
        assert '<html lang="fr"' in page
    assert "réessayez dans 30 secondes" in pages["429"]
    english = too_many_requests(RequestFactory().get("/statements/"), "pages", 1)
    assert "try again in 1 second." in english.content.decode()


@pytest.mark.django_db
def test_the_french_coverage_pages_have_no_english_left(client):
    """The harvest's coverage pages under /fr/coverage/ (a gap, a release listed, two archived)."""
    from datetime import date

    from statements.harvest.models import ListedRelease
    from tests.factories import make_release

    for symbol in ("GA/12386", "GA/12388"):
        make_release(symbol=symbol, day=date(2021, 11, 23))
    ListedRelease.objects.create(url="https://press.un.org/en/2021/ga12390.doc.htm",
                                 symbol="GA/12390", body="general-assembly", year=2021,
                                 language="en")  # fmt: skip
    year = "/fr/coverage/general-assembly/2021/"
    pages = {url: client.get(url) for url in ("/fr/coverage/", year)}
    assert all(r.status_code == 200 for r in pages.values())
    found = {url: _english_words(r.content.decode(), []) for url, r in pages.items()}
    assert {url: words for url, words in found.items() if words} == {}
    assert "Assemblée générale, 2021" in pages[year].content.decode()


ALIGNMENT_PAGES = (
    "/fr/alignment/",
    "/fr/alignment/?delegation=USA&delegation=ISR&delegation=NOR",
    "/fr/alignment/?delegation=USA&delegation=XXX",
    "/fr/alignment/alike/?delegation=USA",
    "/fr/alignment/alike/?delegation=NOR&count=distinct&basis=recorded",
    "/fr/alignment/matrix/?group=council:2022",
    "/fr/alignment/matrix/?group=region:Oceania&basis=inferred",
    "/fr/alignment/matrix/?group=planet:Mars",
    "/fr/alignment/side-by-side/?delegation=MEX&delegation=NOR&q=humanitarian",
    "/fr/alignment/side-by-side/?delegation=MEX&delegation=NOR",
    "/fr/alignment/words-and-votes/?delegation=NOR",
    "/fr/alignment/words-and-votes/?delegation=USA&year_from=2000&subject=draft",
)


@pytest.mark.django_db
def test_the_french_alignment_pages_have_no_english_left(client):
    """Each tool's form, a report with votes (the alignment tests' two releases), a bad input."""
    from statements.models import Delegation
    from tests.alignment.conftest import ingest_both

    ingest_both()
    # The matrix's column heads are delegation codes (ARE, USA): data, as the names are.
    data = archive_data() + list(Delegation.objects.values_list("code", flat=True))
    pages = {url: client.get(url) for url in ALIGNMENT_PAGES}
    assert {url: r.status_code for url, r in pages.items()} == {
        url: 400 if ("XXX" in url or "Mars" in url or "q=" not in url and "side" in url) else 200
        for url in ALIGNMENT_PAGES
    }
    found = {url: _english_words(r.content.decode(), data) for url, r in pages.items()}
    assert {url: words for url, words in found.items() if words} == {}
    alike = pages["/fr/alignment/alike/?delegation=USA"].content.decode()
    assert '<html lang="fr"' in alike and "Les plus proches" in alike
    assert "Il n’y a pas de délégation « XXX »." in pages[ALIGNMENT_PAGES[2]].content.decode()
    assert client.get("/alignment/alike/?delegation=USA").content.decode().count("Most alike") == 1


@pytest.mark.django_db
def test_the_french_data_pages_have_no_english_left(client, settings, tmp_path):
    """/fr/data/ without a dump and with one, and the API documentation page; the data
    dictionary's descriptions (the dump's own, in English) are marked lang="en"."""
    from datetime import date

    from statements.publish.dump import dump_archive

    build_archive()
    settings.DATA_DUMPS_DIR = tmp_path
    empty = client.get("/fr/data/")
    dump_archive(output=tmp_path, today=date(2025, 1, 31))
    pages = {"empty": empty, "dump": client.get("/fr/data/"), "api": client.get("/fr/data/api/")}
    assert {name: r.status_code for name, r in pages.items()} == dict.fromkeys(pages, 200)
    # Addresses, parameters, header and field names (<code>, <pre>) are the API's, and file
    # names (historical-states.json) the files', not prose.
    code = re.compile(r"<(code|pre)\b.*?</\1>|[\w.-]+\.(?:json|zip|md)\b", re.S)
    found = {
        name: _english_words(code.sub(" ", r.content.decode()), []) for name, r in pages.items()
    }
    assert {name: words for name, words in found.items() if words} == {}
    assert "10 requêtes par minute par adresse, un seul à la fois" in empty.content.decode()
    assert '<html lang="fr"' in pages["api"].content.decode()
    assert client.get("/data/").content.decode().count("Full dump") >= 1
