"""Aliases added in the admin get their normalised key, resolve at once, and never clash."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.ingest.resolution import Resolver
from statements.models import Delegation, DelegationAlias, SpeakerAlias
from statements.reference import normalize_name
from tests.factories import make_speaker
from tests.rows import changed_rows, row_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    return client


def delegation_form(delegation: Delegation, *names: str) -> dict:
    """The delegation change form with its existing aliases and new ones appended."""
    aliases = list(delegation.aliases.order_by("id"))
    data = {
        "code": delegation.code,
        "iso3": delegation.iso3,
        "iso2": delegation.iso2,
        "name": delegation.name,
        "slug": delegation.slug,
        "kind": delegation.kind,
        "m49": delegation.m49,
        "region": delegation.region,
        "subregion": delegation.subregion,
        "aliases-TOTAL_FORMS": len(aliases) + len(names),
        "aliases-INITIAL_FORMS": len(aliases),
        "aliases-MIN_NUM_FORMS": 0,
        "aliases-MAX_NUM_FORMS": 1000,
    }
    for i, alias in enumerate(aliases):
        data |= {
            f"aliases-{i}-id": alias.pk,
            f"aliases-{i}-name": alias.name,
            f"aliases-{i}-delegation": delegation.pk,
        }
    for j, name in enumerate(names, start=len(aliases)):
        data |= {f"aliases-{j}-name": name, f"aliases-{j}-delegation": delegation.pk}
    return data


def test_a_delegation_alias_gets_its_key_and_resolves_at_once(admin_client_):
    norway = Delegation.objects.get(code="NOR")
    assert Resolver().delegation("Kingdom of the Norwegians") is None
    url = reverse("admin:statements_delegation_change", args=[norway.pk])
    response = admin_client_.post(url, delegation_form(norway, "Kingdom of the Norwegians"))
    assert response.status_code == 302, response.content.decode()[:3000]
    alias = DelegationAlias.objects.get(name="Kingdom of the Norwegians")
    assert alias.normalized == normalize_name("Kingdom of the Norwegians")
    assert Resolver().delegation("KINGDOM OF THE NORWEGIANS") == norway


def test_an_alias_naming_another_delegation_is_a_form_error(admin_client_):
    norway = Delegation.objects.get(code="NOR")
    url = reverse("admin:statements_delegation_change", args=[norway.pk])
    before = row_counts()
    response = admin_client_.post(url, delegation_form(norway, "Sweden"))
    assert response.status_code == 200
    assert "already names Sweden" in response.content.decode()
    assert changed_rows(before) == {}


def test_two_new_rows_with_one_key_are_a_form_error(admin_client_):
    norway = Delegation.objects.get(code="NOR")
    url = reverse("admin:statements_delegation_change", args=[norway.pk])
    before = row_counts()
    response = admin_client_.post(url, delegation_form(norway, "Norge", "NORGE"))
    assert response.status_code == 200 and "are the same alias" in response.content.decode()
    assert changed_rows(before) == {}


def test_an_edited_alias_is_seen_by_the_next_ingest(admin_client_):
    alias = DelegationAlias.objects.filter(delegation__code="NOR").first()
    resolver_before = Resolver()
    alias.normalized = "nordland"
    alias.save()
    assert Resolver().delegation("Nordland").code == "NOR"
    assert resolver_before.delegation("Nordland") is None  # a plan keeps its own snapshot


def test_a_speaker_alias_gets_its_key(admin_client_):
    speaker = make_speaker(name="Jane Doe")
    existing = list(speaker.aliases.all())
    data = {
        "name": speaker.name,
        "slug": speaker.slug,
        "aliases-TOTAL_FORMS": len(existing) + 1,
        "aliases-INITIAL_FORMS": len(existing),
        "aliases-MIN_NUM_FORMS": 0,
        "aliases-MAX_NUM_FORMS": 1000,
        "old_slugs-TOTAL_FORMS": 0,
        "old_slugs-INITIAL_FORMS": 0,
        "old_slugs-MIN_NUM_FORMS": 0,
        "old_slugs-MAX_NUM_FORMS": 1000,
    }
    for i, alias in enumerate(existing):
        data |= {
            f"aliases-{i}-id": alias.pk,
            f"aliases-{i}-name": alias.name,
            f"aliases-{i}-speaker": speaker.pk,
        }
    data |= {
        f"aliases-{len(existing)}-name": "JANE  M. DOE",
        f"aliases-{len(existing)}-speaker": speaker.pk,
    }
    url = reverse("admin:statements_speaker_change", args=[speaker.pk])
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert SpeakerAlias.objects.get(name="JANE M. DOE").normalized == "jane m. doe"
