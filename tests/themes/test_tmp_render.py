import pytest
from django.urls import reverse
from statements.tagging import retag_all
from tests.factories import make_statement
from statements.models import Theme
from tests.themes.test_admin import form_data

pytestmark = pytest.mark.django_db

def test_render(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(user)
    make_statement(text="Human trafficking and trafficking in persons are crimes. The victims of trafficking need help.")
    make_statement(text="The Palermo Convention on organized crime.")
    retag_all()
    theme = Theme.objects.get(slug="trafficking-in-persons")
    rules = [(r.query, r.requires) for r in theme.rules.order_by("id")]
    rules[0] = ('"trafficking in persons" OR "organized crime"', "")
    rules.append(("(a OR b) the", ""))
    r = client.post(reverse("admin:statements_theme_preview", args=[theme.pk]), form_data(theme, rules))
    open("/tmp/preview.html", "w").write(r.content.decode())
    r = client.get(reverse("admin:statements_theme_change", args=[theme.pk]))
    open("/tmp/change.html", "w").write(r.content.decode())
    r = client.get(reverse("admin:statements_theme_changelist"))
    open("/tmp/list.html", "w").write(r.content.decode())
    st = theme.statement_tags.first()
    r = client.get(reverse("admin:statements_statementtheme_changelist") + f"?theme__id__exact={theme.pk}")
    open("/tmp/tags.html", "w").write(r.content.decode())
