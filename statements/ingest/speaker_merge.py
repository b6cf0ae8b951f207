"""Merge two speaker records that are the same person; the merged one's URLs redirect.

Every merge is recorded (SpeakerMerge: the statements, aliases, old slugs and speakers it moved),
so staff can undo it: speaker_unmerge puts each back where it was.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from statements.models import Speaker, SpeakerAlias, SpeakerMerge, SpeakerRedirect, Statement
from statements.search.index import outbox


@transaction.atomic
def speaker_merge(*, source: Speaker, target: Speaker) -> int:
    """Move source's statements, aliases and old slugs to target; return statements moved."""
    if source.pk == target.pk:
        raise ValueError("A speaker cannot be merged into itself.")
    if target.merged_into_id:
        raise ValueError(f"{target} was itself merged into another speaker; merge into that one.")
    statements = Statement.objects.filter(speaker=source)
    aliases = list(source.aliases.all())
    had = set(target.aliases.values_list("normalized", flat=True))
    record = SpeakerMerge.objects.create(
        source=source,
        target=target,
        statement_ids=sorted(statements.values_list("pk", flat=True)),
        aliases=[[a.name, a.normalized] for a in aliases],
        added_aliases=sorted({a.normalized for a in aliases} - had),
        redirect_slugs=sorted(
            SpeakerRedirect.objects.filter(speaker=source).values_list("slug", flat=True)
        ),
        merged_speaker_ids=sorted(
            Speaker.objects.filter(merged_into=source).values_list("pk", flat=True)
        ),
    )
    moved = statements.filter(pk__in=record.statement_ids).update(speaker=target)
    SpeakerAlias.objects.bulk_create(
        [SpeakerAlias(speaker=target, name=a.name, normalized=a.normalized) for a in aliases],
        ignore_conflicts=True,
    )
    source.aliases.all().delete()
    SpeakerRedirect.objects.filter(speaker=source).update(speaker=target)
    SpeakerRedirect.objects.update_or_create(slug=source.slug, defaults={"speaker": target})
    Speaker.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    outbox.record(speaker_ids=[source.pk, target.pk])
    return moved


@transaction.atomic
def speaker_unmerge(*, source: Speaker) -> int:
    """Undo the last merge of source: its statements, aliases, old slugs and the speakers merged
    into it go back, and its page is its own again. Return statements moved back."""
    source = Speaker.objects.select_for_update().get(pk=source.pk)
    record = (
        SpeakerMerge.objects.select_for_update()
        .filter(source=source, undone_at__isnull=True)
        .first()
    )
    if record is None:
        raise ValueError(f"{source} has no merge to undo.")
    target = record.target
    if target.merged_into_id:
        raise ValueError(
            f"{target} was merged into {target.merged_into} since; undo that merge first."
        )
    if source.merged_into_id != target.pk:
        raise ValueError(f"{source} is no longer merged into {target}; nothing to undo.")
    moved = Statement.objects.filter(pk__in=record.statement_ids, speaker=target).update(
        speaker=source
    )
    SpeakerAlias.objects.filter(speaker=target, normalized__in=record.added_aliases).delete()
    SpeakerAlias.objects.bulk_create(
        [SpeakerAlias(speaker=source, name=name, normalized=key) for name, key in record.aliases],
        ignore_conflicts=True,
    )
    SpeakerRedirect.objects.filter(slug=source.slug, speaker=target).delete()
    SpeakerRedirect.objects.filter(slug__in=record.redirect_slugs, speaker=target).update(
        speaker=source
    )
    Speaker.objects.filter(pk__in=record.merged_speaker_ids, merged_into=target).update(
        merged_into=source
    )
    source.merged_into = None
    source.save(update_fields=["merged_into"])
    record.undone_at = timezone.now()
    record.save(update_fields=["undone_at"])
    outbox.record(speaker_ids=[source.pk, target.pk])
    return moved
