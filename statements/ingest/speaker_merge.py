"""Merge two speaker records that are the same person; the merged one's URLs redirect."""

from __future__ import annotations

from django.db import transaction

from statements.models import Speaker, SpeakerAlias, SpeakerRedirect, Statement
from statements.search.index import outbox


@transaction.atomic
def speaker_merge(*, source: Speaker, target: Speaker) -> int:
    """Move source's statements, aliases and old slugs to target; return statements moved."""
    if source.pk == target.pk:
        raise ValueError("A speaker cannot be merged into itself.")
    if target.merged_into_id:
        raise ValueError(f"{target} was itself merged into another speaker; merge into that one.")
    moved = Statement.objects.filter(speaker=source).update(speaker=target)
    aliases = [
        SpeakerAlias(speaker=target, name=a.name, normalized=a.normalized)
        for a in source.aliases.all()
    ]
    SpeakerAlias.objects.bulk_create(aliases, ignore_conflicts=True)
    source.aliases.all().delete()
    SpeakerRedirect.objects.filter(speaker=source).update(speaker=target)
    SpeakerRedirect.objects.update_or_create(slug=source.slug, defaults={"speaker": target})
    Speaker.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    outbox.record(speaker_ids=[source.pk, target.pk])
    return moved
