"""The statement filters: one reading of search, facets and sort for pages, exports and feeds.

    fs = StatementFilter(request.GET)
    fs.spec()        # the search index's SearchSpec (statements/search/index/query.py)
    fs.sort_by       # relevance, newest or oldest

The FilterSet reads and cleans the query string (its form, labels and problems); matching,
counting and ordering are the search index's (statements/search/index/engine.py).

Any input is accepted: values that do not parse, or name no delegation, theme, body or speaker,
are ignored and listed in `problems` (pages show them as notes and removable chips; exports,
feeds and the API answer 400 with them). Several values of one parameter mean OR
(`delegation=NOR&delegation=SWE`); parameters are combined with AND.
"""

from __future__ import annotations

import calendar
import copy
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from typing import Any

import django_filters
from django import forms
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from meetings.languages import DEFAULT, LANGUAGES, interface_preference
from meetings.models import Body
from statements.models import Delegation, Speaker, Statement
from statements.search import compiled
from statements.search import query as search
from statements.search.index.query import SearchSpec
from statements.themes.models import Theme

SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
]
MAX_VALUES = 50
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_CODE = r"[A-Z0-9-]{1,40}"
_SLUG = r"[-a-z0-9_]{1,120}"
DATE_HELP = "a year (2021), a month (2021-11) or a day (2021-11-23)"


@dataclass(frozen=True)
class Problem:
    """A parameter value the filters could not use, and why (shown, or a 400 in the API)."""

    param: str
    value: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"parameter": self.param, "value": self.value, "detail": self.reason}


def shown(value: Any) -> str:
    """A raw value cut short and cleaned of control characters, for a note or a chip."""
    text = _CONTROL.sub("", str(value)).strip()
    return text if len(text) <= 40 else text[:39] + "…"


def raw_values(data: Any, name: str) -> list[str]:
    """Every raw value of a parameter, from a QueryDict or a plain dict."""
    if hasattr(data, "getlist"):
        return [str(v) for v in data.getlist(name)]
    value = data.get(name)
    if value in (None, ""):
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


class TokenListField(forms.Field):
    """Several values of one parameter; values of the wrong shape are dropped, not fatal."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, pattern: str, transform=str, **kwargs: Any) -> None:
        self.pattern = re.compile(pattern)
        self.transform = transform
        super().__init__(**kwargs)

    def normalize(self, item: Any) -> str | None:
        """The value as a token (`nor` -> `NOR`), or None if it has the wrong shape."""
        token = self.transform(_CONTROL.sub("", str(item)).strip()[:100])
        return token if token and self.pattern.fullmatch(token) else None

    def to_python(self, value: Any) -> list[str]:
        """Return the distinct well-formed values, at most MAX_VALUES of them."""
        if value in (None, "", [], ()):
            return []
        values = [value] if isinstance(value, str) else list(value)
        tokens: list[str] = []
        for item in values:
            token = self.normalize(item)
            if token and token not in tokens:
                tokens.append(token)
        return tokens[:MAX_VALUES]


class QueryField(forms.CharField):
    """The search box: control characters become spaces instead of failing validation."""

    def to_python(self, value: Any) -> str:
        return _CONTROL.sub(" ", super().to_python(value))


class PartialDateField(forms.CharField):
    """A year, month or day; `end=True` reads it as the last day of that period."""

    def __init__(self, *, end: bool = False, **kwargs: Any) -> None:
        self.end = end
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> date | None:
        text = _CONTROL.sub("", super().to_python(value)).strip()
        if not text:
            return None
        match = _PARTIAL_DATE.fullmatch(text[:20])
        if not match:
            raise forms.ValidationError(f"use {DATE_HELP}")
        try:
            return self._to_date(*(int(part) if part else None for part in match.groups()))
        except ValueError:
            raise forms.ValidationError(f"no such date; use {DATE_HELP}") from None

    def _to_date(self, year: int, month: int | None, day: int | None) -> date:
        if year < 1900:
            raise ValueError(year)
        if day:
            return date(year, month, day)
        if not self.end:
            return date(year, month or 1, 1)
        month = month or 12
        return date(year, month, calendar.monthrange(year, month)[1])


class QueryFilter(django_filters.Filter):
    field_class = QueryField


class TokenFilter(django_filters.Filter):
    field_class = TokenListField


class PartialDateFilter(django_filters.Filter):
    field_class = PartialDateField


class StatementFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        """Read a reversed date range (2022 to 2019) as the range the researcher meant."""
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            data["date_from"] = self.fields["date_from"].clean(self["date_to"].data)
            data["date_to"] = self.fields["date_to"].clean(self["date_from"].data)
            self.swapped_dates = True
        return data


# What a list parameter's values name: its noun, and the rows that hold a value as key.
KNOWN_VALUES = {
    "delegation": ("delegation code", Delegation, "code"),
    "theme": ("theme", Theme, "slug"),
    "body": ("UN body", Body, "slug"),
    "speaker": ("speaker", Speaker, "slug"),
}
SHAPES = {
    "delegation": "a delegation code such as NOR",
    "theme": "a theme's short name such as climate-change",
    "body": "a body's short name such as security-council",
    "speaker": "a speaker's short name",
    "session": "a session number such as 78",
    "kind": "one of " + ", ".join(Statement.Kind.values),
    "review": "one of " + ", ".join(Statement.ReviewState.values),
    "language": "a language code: " + ", ".join(LANGUAGES),
}


@cache
def _known(name: str) -> compiled.CompiledQuery:
    """The query of which values of a list parameter name a row, compiled once a process."""
    _, model, key = KNOWN_VALUES[name]
    rows = model.objects.filter(**{f"{key}__any_of": compiled.ids()})
    return compiled.CompiledQuery(rows.values_list(key, flat=True))


class StatementFilter(django_filters.FilterSet):
    """Search, facet filters and sort over statements, from a QueryDict."""

    q = QueryFilter(label=_("Search"), max_length=20_000)
    delegation = TokenFilter(label=_("Delegation"), pattern=_CODE, transform=str.upper)
    theme = TokenFilter(label=_("Theme"), pattern=_SLUG, transform=str.lower)
    body = TokenFilter(label=_("Body"), pattern=_SLUG, transform=str.lower)
    session = TokenFilter(label=_("Session"), pattern=r"[0-9]{1,4}")
    kind = TokenFilter(label=_("Kind"), pattern="|".join(Statement.Kind.values))
    speaker = TokenFilter(label=_("Speaker"), pattern=_SLUG, transform=str.lower)
    review = TokenFilter(label=_("Review state"), pattern="|".join(Statement.ReviewState.values))
    language = TokenFilter(label=_("Language"), pattern="|".join(LANGUAGES))
    date_from = PartialDateFilter(label=pgettext_lazy("date", "From"))
    date_to = PartialDateFilter(label=pgettext_lazy("date", "To"), end=True)
    sort = django_filters.ChoiceFilter(label=_("Sort"), choices=SORT_CHOICES, empty_label=None)

    class Meta:
        model = Statement
        fields: list[str] = []
        form = StatementFilterForm

    def __init__(
        self,
        data: QueryDict | dict | None = None,
        *,
        scope: dict | None = None,
        prefer: str = DEFAULT,
    ):
        """`scope`: the page's own restriction (a speaker page: {"speaker": slug}); `prefer`:
        which version of a sitting counts when no language is chosen (SearchSpec.prefer)."""
        # What django-filter's __init__ does, less its per-request costs: it deep-copies every
        # filter (their lazy labels and choices) and builds a new form class from the copies,
        # about 1.5 ms a page. Nothing here changes a filter per request but its parent, so a
        # shallow copy each is enough, and the form class is built once (`get_form_class`);
        # each form still deep-copies its fields, as every Django form does.
        self.is_bound = True
        self.data = data or QueryDict()
        self.queryset = Statement.objects.all()
        self.request = None
        self.form_prefix = None
        self.filters = {name: copy.copy(f) for name, f in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model, filter_.parent = Statement, self
        self.scope = dict(scope or {})
        self.prefer = prefer

    @classmethod
    @cache
    def form_class(cls) -> type[forms.Form]:
        """The form of the filters' fields: one class for every request."""
        fields = {name: f.field for name, f in cls.base_filters.items()}
        return type(f"{cls.__name__}Form", (cls._meta.form,), fields)

    def get_form_class(self) -> type[forms.Form]:
        return self.form_class()

    def filter_queryset(self, queryset):
        raise NotImplementedError("statements are matched by the search index: use .spec()")

    def spec(self) -> SearchSpec:
        """The search index's query for the usable values and the page's scope."""
        d = self.data_cleaned
        return SearchSpec(
            text=self.query.text,
            delegations=tuple(d.get("delegation") or ()),
            themes=tuple(d.get("theme") or ()),
            bodies=tuple(d.get("body") or ()),
            sessions=tuple(int(s) for s in d.get("session") or ()),
            kinds=tuple(d.get("kind") or ()),
            speakers=tuple(d.get("speaker") or ()),
            reviews=tuple(d.get("review") or ()),
            languages=tuple(d.get("language") or ()),
            prefer=self.prefer,
            date_from=d.get("date_from"),
            date_to=d.get("date_to"),
            scope=self.scope,
        )

    # Parameters whose values name rows; the API answers 400 for a value that names none.
    # State ----------------------------------------------------------------------------------

    @cached_property
    def data_cleaned(self) -> dict[str, Any]:
        """The usable values by parameter name (malformed and unknown ones are left out)."""
        self.form.is_valid()
        data = dict(self.form.cleaned_data)
        for name, values in data.items():
            if name in KNOWN_VALUES and values:
                known = self.known_values(name, values)
                data[name] = [v for v in values if v in known]
        return data

    def known_values(self, name: str, values: list[str]) -> set[str]:
        """The values of a list parameter that name a row (one small query)."""
        return set(_known(name).run(ids=list(values)))

    @cached_property
    def problems(self) -> list[Problem]:
        """Every value that was ignored, with the reason: malformed, unknown or out of range."""
        found = [
            Problem(name, shown(self.form[name].data or ""), str(errors[0]))
            for name, errors in self.form.errors.items()
            if name in self.filters
        ]
        for name, field in self.form.fields.items():
            if isinstance(field, TokenListField):
                found += self._list_problems(name, field)
        return found

    def _list_problems(self, name: str, field: TokenListField) -> list[Problem]:
        usable, found = set(self.data_cleaned.get(name) or []), []
        for raw in raw_values(self.data, name)[: MAX_VALUES * 2]:
            if not raw.strip():
                continue
            token = field.normalize(raw)
            if token is None:
                found.append(Problem(name, shown(raw), f"not {SHAPES[name]}"))
            elif name in KNOWN_VALUES and token not in usable:
                noun = KNOWN_VALUES[name][0]
                found.append(Problem(name, token, f"no {noun} is called that; check the spelling"))
        return found

    def usable_query(self) -> QueryDict:
        """The request's parameters that the filters use, with their usable values only."""
        query = QueryDict(mutable=True)
        for name in self.filters:
            if isinstance(self.form.fields[name], TokenListField):
                values = self.data_cleaned.get(name) or []
            elif name in self.form.errors:
                values = []
            else:
                raw = self.form[name].data
                values = [str(raw)] if raw is not None and str(raw).strip() else []
            if values:
                query.setlist(name, values)
        return query

    @cached_property
    def query(self) -> search.ParsedQuery:
        """The search as run: cleaned, and empty when it has no searchable word."""
        parsed = search.parse_query(self.data_cleaned.get("q"))
        if parsed and not search.has_lexemes(parsed.text):
            if any(c.isalnum() for c in parsed.text):
                note = f"“{parsed.text[:80]}” has only words too common to search for."
            else:
                note = gettext("The search had no words in it.")
            note += " All statements are shown instead."
            return search.ParsedQuery(raw=parsed.raw, text="", notes=(*parsed.notes, note))
        return parsed

    @property
    def sort_by(self) -> str:
        """relevance when searching, else newest; an explicit choice wins if it makes sense."""
        chosen = self.data_cleaned.get("sort")
        if chosen == "relevance" and not self.query:
            return "newest"
        return chosen or ("relevance" if self.query else "newest")

    @property
    def notes(self) -> list[str]:
        """What was corrected or ignored in the request, in plain words."""
        notes = list(self.query.notes)
        for problem in self.problems:
            label = self.filters[problem.param].label.lower()
            notes.append(
                gettext("Ignored %(label)s “%(value)s”: %(reason)s.")
                % {"label": label, "value": problem.value, "reason": problem.reason}
            )
        if getattr(self.form, "swapped_dates", False):
            notes.append(gettext("The dates were the wrong way round, so they were swapped."))
        return notes

    def selected(self, name: str) -> list[str]:
        """The valid values chosen for a list parameter."""
        return list(self.data_cleaned.get(name) or [])


def interface_language() -> str:
    """The version of a sitting the research pages show when no language is chosen: the
    interface's own where the archive holds it (data out keeps the primary version)."""
    return interface_preference(translation.get_language())
