"""Write the shipped reference delegations and their aliases into the database (upsert)."""

from __future__ import annotations

from django.utils.text import slugify

from statements.reference import load_delegations, normalize_name


def sync_delegations(Delegation, DelegationAlias, *, keep_existing: bool = False) -> int:  # noqa: N803
    """Upsert every shipped delegation by code with its aliases; return how many.

    With `keep_existing`, a delegation already in the database keeps its name and slug (its
    pages' addresses never change): only new delegations and new aliases are added."""
    refs = load_delegations()
    for ref in refs:
        write = (
            Delegation.objects.get_or_create
            if keep_existing
            else Delegation.objects.update_or_create
        )
        delegation, _ = write(
            code=ref.code,
            defaults={
                "name": ref.name,
                "slug": slugify(ref.name)[:100] or ref.code.lower(),
                "kind": ref.kind,
                "iso3": ref.code if ref.is_state else "",
                "iso2": ref.iso2 or "",
                "m49": ref.m49 or "",
                "region": ref.region or "",
                "subregion": ref.subregion or "",
            },
        )
        for name in ref.labels:
            key = normalize_name(name)
            if key:
                DelegationAlias.objects.get_or_create(
                    normalized=key, defaults={"delegation": delegation, "name": name}
                )
    return len(refs)
