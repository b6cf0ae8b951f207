"""Alias inline forms: fill the normalised key the way ingestion computes it, and refuse clashes."""

from __future__ import annotations

from django import forms
from django.forms.models import BaseInlineFormSet

from statements.ingest.speaker_names import name_key
from statements.models import DelegationAlias, SpeakerAlias
from statements.reference import normalize_name


class DelegationAliasForm(forms.ModelForm):
    """A delegation alias: its key is the name normalised; a key names one delegation only."""

    class Meta:
        model = DelegationAlias
        fields = ["name"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        key = normalize_name(name)
        if not key:
            raise forms.ValidationError("The alias is empty once normalised.")
        clash = DelegationAlias.objects.filter(normalized=key).exclude(pk=self.instance.pk)
        if other := clash.select_related("delegation").first():
            raise forms.ValidationError(
                f"“{name}” already names {other.delegation} (as “{other.name}”)."
            )
        self.instance.normalized = key
        return name


class SpeakerAliasForm(forms.ModelForm):
    """A speaker alias: its key is the name as ingestion keys printed speaker names."""

    class Meta:
        model = SpeakerAlias
        fields = ["name"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        key = name_key(name)
        if not key:
            raise forms.ValidationError("The alias is empty once normalised.")
        speaker_id = self.instance.speaker_id  # the inline formset sets it from the parent
        clash = SpeakerAlias.objects.filter(normalized=key, speaker_id=speaker_id)
        if speaker_id and clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"“{name}” is already a spelling of this speaker.")
        self.instance.normalized = key
        return name


class AliasFormSet(BaseInlineFormSet):
    """Refuse two rows of one submission that normalise to the same key."""

    def clean(self) -> None:
        super().clean()
        seen: dict[str, str] = {}
        for form in self.forms:
            if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
                continue
            key, name = form.instance.normalized, form.cleaned_data.get("name", "")
            if key and key in seen:
                raise forms.ValidationError(f"“{name}” and “{seen[key]}” are the same alias.")
            seen[key] = name
