"""The header and footer, kept once a process per language and section, still follow the page."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from statements.templatetags import kept

pytestmark = pytest.mark.django_db


def _current(html: str) -> list[str]:
    nav = re.search(r'<nav aria-label="[^"]*">.*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]*)" aria-current="page"', nav)


def test_the_current_section_changes_with_the_page_after_the_header_is_kept(client):
    kept.forget()
    for _ in range(2):  # the second round reads the kept fragments
        assert _current(client.get("/statements/").content.decode()) == ["/statements/"]
        assert _current(client.get("/themes/").content.decode()) == ["/themes/"]
        assert _current(client.get("/fr/themes/").content.decode()) == ["/fr/themes/"]
        assert _current(client.get("/").content.decode()) == []


def test_the_kept_header_and_footer_are_in_the_page_language(client):
    kept.forget()
    english = client.get("/themes/").content.decode()
    french = client.get("/fr/themes/").content.decode()
    assert 'href="/fr/alerts/"' in french and 'href="/alerts/"' not in french
    assert 'href="/alerts/"' in english and 'href="/fr/alerts/"' not in english
    assert english.split("<footer")[1] != french.split("<footer")[1]


def test_the_language_switch_follows_the_query_string_with_kept_paths(client):
    for query in ("q=peace", "q=war&page=2"):
        html = client.get(f"/fr/statements/?{query}").content.decode()
        switch = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
        assert f'href="/statements/?{query.replace("&", "&amp;")}"' in switch


def test_a_kept_fragment_is_rendered_once_per_key():
    kept.forget()
    template = Template('{% load kept %}{% kept "t" key %}{{ n }}{% endkept %}')
    assert template.render(Context({"key": "a", "n": 1})) == "1"
    assert template.render(Context({"key": "a", "n": 2})) == "1"  # kept
    assert template.render(Context({"key": "b", "n": 3})) == "3"
    with translation.override("fr"):
        assert template.render(Context({"key": "a", "n": 4})) == "4"


def test_kept_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="needs a fragment name"):
        Template("{% load kept %}{% kept %}x{% endkept %}")
