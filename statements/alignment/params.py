"""What an alignment request may ask for, validated once for the page, the API and the CSV.

Bad input is answered with a specific message (a 400), never an empty or partial figure.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext, gettext_lazy

from meetings.models import Body
from statements.decisions.models import Decision
from statements.models import Delegation
from statements.themes.models import Theme

MAX_MATRIX = 60
BASIS_CHOICES = [
    ("votes", gettext_lazy("Recorded and inferred votes")),
    ("recorded", gettext_lazy("Recorded votes only")),
    ("inferred", gettext_lazy("Inferred votes only")),
]
COUNT_CHOICES = [
    ("half", gettext_lazy("Abstention as half agreement (Lijphart)")),
    ("distinct", gettext_lazy("Abstention as a distinct position")),
]


class BadRequest(ValueError):
    """A request the tools cannot answer, with the message to show."""

    def __init__(self, message: str, *, parameter: str = "") -> None:
        super().__init__(message)
        self.message, self.parameter = message, parameter


class DecisionScope(forms.Form):
    """Which decisions count: body, years, the meeting's theme, words of the subject."""

    body = forms.SlugField(required=False, max_length=80)
    year_from = forms.IntegerField(required=False, min_value=1945, max_value=2100)
    year_to = forms.IntegerField(required=False, min_value=1945, max_value=2100)
    theme = forms.SlugField(required=False, max_length=80)
    subject = forms.CharField(required=False, max_length=200, strip=True)
    basis = forms.ChoiceField(required=False, choices=BASIS_CHOICES)
    count = forms.ChoiceField(required=False, choices=COUNT_CHOICES)
    min_decisions = forms.IntegerField(required=False, min_value=1, max_value=10000)

    def clean_body(self) -> Body | None:
        slug = self.cleaned_data["body"]
        if not slug:
            return None
        body = Body.objects.filter(slug=slug).first()
        if body is None:
            raise forms.ValidationError(gettext("There is no body “%(slug)s”.") % {"slug": slug})
        return body

    def clean_theme(self) -> Theme | None:
        slug = self.cleaned_data["theme"]
        if not slug:
            return None
        theme = Theme.objects.filter(slug=slug).first()
        if theme is None:
            raise forms.ValidationError(gettext("There is no theme “%(slug)s”.") % {"slug": slug})
        return theme

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("year_from"), data.get("year_to")
        if first and last and first > last:
            raise forms.ValidationError(gettext("year_from is after year_to."))
        data["basis"] = data.get("basis") or "votes"
        data["count"] = data.get("count") or "half"
        data["min_decisions"] = data.get("min_decisions") or 1
        return data


def scope(params) -> dict:
    """The cleaned scope of a query string, or BadRequest naming the first bad parameter."""
    form = DecisionScope(params)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        label = "" if name == "__all__" else f"{name}: "
        raise BadRequest(f"{label}{errors[0]}", parameter=name)
    return form.cleaned_data


def in_body_and_years(rows: QuerySet, chosen: dict) -> QuerySet:
    """Rows with a `date` and a `meeting`, narrowed to the scope's body and years."""
    if chosen.get("body"):
        rows = rows.filter(meeting__body=chosen["body"])
    if chosen.get("year_from"):
        rows = rows.filter(date__gte=date(chosen["year_from"], 1, 1))
    if chosen.get("year_to"):
        rows = rows.filter(date__lte=date(chosen["year_to"], 12, 31))
    return rows


SCOPE_FILTERS = ("body", "year_from", "year_to", "theme", "subject")


def covers_everything(chosen: dict) -> bool:
    """Whether a cleaned scope leaves every decision of the archive in."""
    return not any(chosen.get(name) for name in SCOPE_FILTERS)


def decisions_in(chosen: dict) -> QuerySet:
    """The decisions a cleaned scope covers."""
    decisions = in_body_and_years(Decision.objects.all(), chosen)
    if chosen.get("theme"):
        decisions = decisions.filter(meeting__theme_tags__theme=chosen["theme"])
    if chosen.get("subject"):
        words = chosen["subject"]
        decisions = decisions.filter(
            Q(subject_title__icontains=words)
            | Q(subject_symbols__icontains=words)
            | Q(text__icontains=words)
        )
    return decisions


def delegations(values: list[str], *, least: int, most: int, parameter: str = "delegation"):
    """Delegations named by code or slug, in the order given, without repeats."""
    names = [v.strip() for value in values for v in value.split(",") if v.strip()]
    if len(names) < least:
        raise BadRequest(
            gettext("Name at least %(least)s delegations (%(parameter)s=CODE).")
            % {"least": least, "parameter": parameter},
            parameter=parameter,
        )
    if len(names) > most:
        raise BadRequest(
            gettext("Name at most %(most)s delegations; %(given)s were given.")
            % {"most": most, "given": len(names)},
            parameter=parameter,
        )
    # One query for all the names: a code (any case) or a slug.
    rows = Delegation.objects.filter(
        Q(code__in=[n[:40].upper() for n in names]) | Q(slug__in=[n[:100] for n in names])
    )
    by_name = {}
    for row in rows:
        by_name[row.code.upper()] = by_name[row.slug] = row
    found = []
    for name in names:
        match = by_name.get(name[:40].upper()) or by_name.get(name[:100])
        if match is None:
            raise BadRequest(
                gettext("There is no delegation “%(name)s”.") % {"name": name[:40]},
                parameter=parameter,
            )
        if match not in found:
            found.append(match)
    if len(found) < least:
        raise BadRequest(
            gettext("Name at least %(least)s different delegations.") % {"least": least},
            parameter=parameter,
        )
    return found


def scope_words(chosen: dict) -> str:
    """The scope in words, for the page and the CSV's header comment."""
    parts = []
    if chosen.get("body"):
        parts.append(chosen["body"].name)
    first, last = chosen.get("year_from"), chosen.get("year_to")
    if first or last:
        parts.append(f"{first or '…'}–{last or '…'}")
    if chosen.get("theme"):
        parts.append(gettext("meetings on %(theme)s") % {"theme": chosen["theme"].name})
    if chosen.get("subject"):
        parts.append(gettext("subjects with “%(words)s”") % {"words": chosen["subject"]})
    return ", ".join(parts) or gettext("every decision in the archive")
