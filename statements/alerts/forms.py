"""The subscription form: what to follow (one kind), an address, how often; a honeypot field."""

from __future__ import annotations

from django import forms

from statements.alerts.models import Subscription
from statements.alerts.targets import query_string
from statements.models import Delegation, Speaker
from statements.themes.models import Theme


class SubscribeForm(forms.Form):
    kind = forms.ChoiceField(choices=Subscription.Kind.choices, widget=forms.RadioSelect)
    q = forms.CharField(required=False, max_length=300, label="Search words")
    speaker = forms.SlugField(required=False, max_length=120, label="Speaker (from a speaker page)")
    delegation = forms.ChoiceField(required=False, label="Delegation")
    theme = forms.ChoiceField(required=False, label="Theme")
    email = forms.EmailField(max_length=254, label="Your e-mail address")
    frequency = forms.ChoiceField(choices=Subscription.Frequency.choices, initial="weekly")
    # Left empty by people (hidden from view and from assistive technology); bots fill it.
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        delegations = Delegation.objects.order_by("name").values_list("code", "name")
        self.fields["delegation"].choices = [("", "Choose…"), *delegations]
        themes = Theme.objects.order_by("name").values_list("slug", "name")
        self.fields["theme"].choices = [("", "Choose…"), *themes]

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if not kind:
            return data
        field = "q" if kind == "search" else kind
        value = (data.get(field) or "").strip()
        if not value:
            self.add_error(
                field, f"Say which {Subscription.Kind(kind).label.lower()[2:]} to follow."
            )
            return data
        data["label"] = self._label(kind, value, field)
        data["query"] = query_string(kind, value)
        return data

    def _label(self, kind: str, value: str, field: str) -> str:
        if kind == "search":
            return f"Statements matching “{value}”"
        if kind == "speaker":
            speaker = Speaker.objects.canonical().filter(slug=value).first()
            if speaker is None:
                self.add_error(field, f"There is no speaker “{value[:40]}”.")
                return ""
            return f"Statements by {speaker.name}"
        if kind == "delegation":
            return f"Statements by {Delegation.objects.get(code=value).name}"
        return f"Statements on {Theme.objects.get(slug=value).name}"
