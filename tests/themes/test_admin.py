"""Admin: rules edited inline and checked, a preview of unsaved edits, re-tag on save, review."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.themes.models import StatementTheme
from statements.themes.tagging import retag_all
from tests.factories import make_statement, make_theme

pytestmark = pytest.mark.django_db

CLIMATE = "Climate change threatens small islands."
SEA = "Sea-level rise will drown our atolls."


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def theme(no_shipped_rules):
    return make_theme(slug="climate-test", rules=['"climate change"'])


def form_data(theme, queries: list[tuple[str, str]], **extra) -> dict:
    """The theme change form as a browser would post it, with the rules as edited."""
    rules = list(theme.rules.order_by("id"))
    data = {
        "name": theme.name,
        "slug": theme.slug,
        "position": theme.position,
        "description": theme.description,
        "rules-TOTAL_FORMS": len(queries),
        "rules-INITIAL_FORMS": len(rules),
        "rules-MIN_NUM_FORMS": 0,
        "rules-MAX_NUM_FORMS": 1000,
    }
    for n, (query, requires) in enumerate(queries):
        data |= {
            f"rules-{n}-query": query,
            f"rules-{n}-requires": requires,
            f"rules-{n}-is_active": "on",
            f"rules-{n}-theme": theme.pk,
            f"rules-{n}-id": rules[n].pk if n < len(rules) else "",
        }
    return data | extra


def test_the_theme_list_shows_rule_and_statement_counts(staff_client, theme):
    make_statement(text=CLIMATE)
    retag_all()
    response = staff_client.get(reverse("admin:themes_theme_changelist"))
    assert response.status_code == 200
    row = next(r for r in response.context["cl"].result_list if r.pk == theme.pk)
    assert (row.rules_n, row.statements_n) == (1, 1)


def test_the_change_page_offers_a_preview_and_the_tag_review(staff_client, theme):
    response = staff_client.get(reverse("admin:themes_theme_change", args=[theme.pk]))
    page = response.content.decode()
    assert 'formaction="' + reverse("admin:themes_theme_preview", args=[theme.pk]) in page
    assert f"theme__id__exact={theme.pk}" in page


def test_preview_shows_what_unsaved_rules_would_add_and_remove(staff_client, theme):
    make_statement(text=CLIMATE)
    make_statement(text=SEA)
    url = reverse("admin:themes_theme_preview", args=[theme.pk])
    response = staff_client.post(url, form_data(theme, [('"sea-level rise"', "")]))
    preview = response.context["preview"]
    assert (preview.current, preview.proposed, preview.added, preview.removed) == (1, 1, 1, 1)
    page = response.content.decode()
    assert "<mark>Sea</mark>" in page and "<mark>level</mark>" in page
    assert "Nothing has been saved" in page
    assert list(theme.rules.values_list("query", flat=True)) == ['"climate change"']


def test_preview_explains_a_rule_that_can_match_nothing(staff_client, theme):
    url = reverse("admin:themes_theme_preview", args=[theme.pk])
    data = form_data(theme, [('"climate change"', ""), ("the of and", "")])
    response = staff_client.post(url, data)
    assert "no searchable words" in response.content.decode()


def test_preview_needs_a_post(staff_client, theme):
    url = reverse("admin:themes_theme_preview", args=[theme.pk])
    assert staff_client.get(url).status_code == 403


def test_saving_a_stop_word_rule_is_a_form_error(staff_client, theme):
    url = reverse("admin:themes_theme_change", args=[theme.pk])
    response = staff_client.post(url, form_data(theme, [("the and of", "")]))
    assert response.status_code == 200
    assert "no searchable words" in response.content.decode()


def test_saving_changed_rules_retags_the_theme(staff_client, theme):
    statement = make_statement(text=SEA)
    url = reverse("admin:themes_theme_change", args=[theme.pk])
    data = form_data(theme, [('"climate change"', ""), ('"sea-level rise"', "")])
    response = staff_client.post(url, data, follow=True)
    assert "re-tagged" in response.content.decode()
    assert statement.theme_tags.filter(theme=theme, source="rule").exists()


def test_staff_mark_an_automatic_tag_wrong_from_the_review_list(staff_client, theme):
    statement = make_statement(text=CLIMATE)
    retag_all()
    tag = StatementTheme.objects.get(statement=statement, theme=theme)
    url = reverse("admin:themes_statementtheme_changelist")
    staff_client.post(url, {"action": "mark_wrong", "_selected_action": [tag.pk]})
    removal = StatementTheme.objects.get(statement=statement, theme=theme, source="staff")
    assert removal.is_removal
    retag_all()
    assert StatementTheme.objects.filter(pk=removal.pk).exists()


def test_staff_add_a_tag_and_a_duplicate_is_explained(staff_client, theme):
    statement = make_statement(text="Nothing about it.")
    url = reverse("admin:themes_statementtheme_add")
    data = {"statement": statement.pk, "theme": theme.pk}
    staff_client.post(url, data)
    assert StatementTheme.objects.get(statement=statement, theme=theme).source == "staff"
    response = staff_client.post(url, data)
    assert "Staff already tagged this statement" in response.content.decode()


def test_automatic_tags_are_read_only_in_the_review_list(staff_client, theme):
    make_statement(text=CLIMATE)
    retag_all()
    tag = StatementTheme.objects.get(theme=theme)
    url = reverse("admin:themes_statementtheme_change", args=[tag.pk])
    response = staff_client.post(url, {"statement": tag.statement_id, "theme": theme.pk})
    assert response.status_code == 403
