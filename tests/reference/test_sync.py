"""Writing the shipped reference delegations into the database, as the migrations do."""

from __future__ import annotations

import pytest

from statements.models import Delegation, DelegationAlias
from statements.reference import load_delegations, normalize_name
from statements.reference.sync import sync_delegations

pytestmark = pytest.mark.django_db


def test_every_shipped_delegation_and_alias_is_in_the_migrated_database() -> None:
    codes = set(Delegation.objects.values_list("code", flat=True))
    aliases = set(DelegationAlias.objects.values_list("normalized", flat=True))
    for ref in load_delegations():
        assert ref.code in codes, ref.code
        missing = {normalize_name(label) for label in ref.labels} - aliases - {""}
        assert not missing, (ref.code, missing)


def test_keeping_existing_delegations_adds_new_ones_and_never_renames() -> None:
    mali = Delegation.objects.get(code="MLI")
    Delegation.objects.filter(pk=mali.pk).update(name="Mali (renamed by staff)", slug="mali-x")
    Delegation.objects.filter(code="BENELUX").delete()

    sync_delegations(Delegation, DelegationAlias, keep_existing=True)

    mali.refresh_from_db()
    assert (mali.name, mali.slug) == ("Mali (renamed by staff)", "mali-x")  # addresses stay
    benelux = Delegation.objects.get(code="BENELUX")
    assert benelux.kind == "group"
    assert DelegationAlias.objects.filter(delegation=benelux, normalized="benelux").exists()
