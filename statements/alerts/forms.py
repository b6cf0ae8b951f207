"""The subscription form: what to follow (one kind), an address, how often; a honeypot field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from statements.alerts.models import Subscription
from statements.alerts.targets import query_string
from statements.models import Delegation, Speaker
from statements.themes.models import Theme

# What to say when the field of the kind chosen is empty.
MISSING = {
    "search": _("Say which search to follow."),
    "speaker": _("Say which speaker to follow."),
    "delegation": _("Say which delegation to follow."),
    "theme": _("Say which theme to follow."),
}


class SubscribeForm(forms.Form):
    kind = forms.ChoiceField(choices=Subscription.Kind.choices, widget=forms.RadioSelect)
    q = forms.CharField(required=False, max_length=300, label=_("Search words"))
    speaker = forms.SlugField(
        required=False, max_length=120, label=_("Speaker (from a speaker page)")
    )
    delegation = forms.ChoiceField(required=False, label=_("Delegation"))
    theme = forms.ChoiceField(required=False, label=_("Theme"))
    email = forms.EmailField(max_length=254, label=_("Your e-mail address"))
    frequency = forms.ChoiceField(
        choices=Subscription.Frequency.choices, initial="weekly", label=_("Frequency")
    )
    # Left empty by people (hidden from view and from assistive technology); bots fill it.
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        delegations = Delegation.objects.order_by("name").values_list("code", "name")
        self.fields["delegation"].choices = [("", gettext("Choose…")), *delegations]
        themes = Theme.objects.order_by("name").values_list("slug", "name")
        self.fields["theme"].choices = [("", gettext("Choose…")), *themes]

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if not kind:
            return data
        field = "q" if kind == "search" else kind
        value = (data.get(field) or "").strip()
        if not value:
            self.add_error(field, MISSING[kind])
            return data
        data["label"] = self._label(kind, value, field)
        data["query"] = query_string(kind, value)
        return data

    def _label(self, kind: str, value: str, field: str) -> str:
        if kind == "search":
            return gettext("Statements matching “%(words)s”") % {"words": value}
        if kind == "speaker":
            speaker = Speaker.objects.canonical().filter(slug=value).first()
            if speaker is None:
                self.add_error(
                    field, gettext("There is no speaker “%(slug)s”.") % {"slug": value[:40]}
                )
                return ""
            return gettext("Statements by %(name)s") % {"name": speaker.name}
        if kind == "delegation":
            name = Delegation.objects.get(code=value).name
            return gettext("Statements by %(name)s") % {"name": name}
        name = Theme.objects.get(slug=value).name
        return gettext("Statements on %(theme)s") % {"theme": name}
