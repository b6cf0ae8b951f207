"""Query parameters of the API, read strictly: an unknown parameter or a bad value is a 400.

The statement list reads its filters with the research UI's StatementFilter, so a query string
finds the same statements on the page, in the export and in the API. The page forgives
(ignoring what it cannot read and saying so); the API refuses instead, because a program that
misspells a parameter should learn it rather than silently get everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict

from statements.api.http import ApiError
from statements.filters import PartialDateField, StatementFilter, TokenListField

PAGING = ("cursor", "limit")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def reject_unknown(query: QueryDict, known: Iterable[str]) -> None:
    """400 for any parameter the endpoint does not take."""
    allowed = set(known)
    for name in query:
        if name not in allowed:
            message = f"Unknown parameter “{name[:40]}”. This endpoint takes: " + ", ".join(
                sorted(allowed)
            )
            raise ApiError(400, "unknown_parameter", message, parameter=name[:40])


def page_limit(query: QueryDict) -> int:
    """The page size: 1 to MAX_LIMIT, DEFAULT_LIMIT when absent."""
    raw = query.get("limit", "")
    if not raw:
        return DEFAULT_LIMIT
    if not _is_number(raw, digits=4) or not 1 <= int(raw) <= MAX_LIMIT:
        message = f"limit must be a whole number from 1 to {MAX_LIMIT}."
        raise ApiError(400, "invalid_parameter", message, parameter="limit")
    return int(raw)


def statement_filter(query: QueryDict) -> StatementFilter:
    """The UI's StatementFilter over the query, or ApiError for anything it would ignore."""
    reject_unknown(query, [*StatementFilter.base_filters, *PAGING])
    fs = StatementFilter(query)
    for name, errors in fs.form.errors.items():
        raise ApiError(400, "invalid_parameter", f"{name}: {errors[0]}", parameter=name)
    for name, field in fs.form.fields.items():
        if isinstance(field, TokenListField):
            _check_tokens(name, field, query.getlist(name))
    return fs


def _check_tokens(name: str, field: TokenListField, raws: list[str]) -> None:
    """The UI drops malformed values of a list parameter; the API names them."""
    for raw in raws:
        if raw.strip() and not field.to_python(raw):
            message = f"“{raw[:40]}” is not a valid {name} value."
            raise ApiError(400, "invalid_parameter", message, parameter=name)


# Filters of the other lists -------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A list filter: its name and documentation, how to read a value, and how to apply it."""

    name: str
    description: str
    schema: dict
    read: Callable[[str], Any]
    apply: Callable[[QuerySet, list[Any]], QuerySet]
    many: bool = True

    def filter(self, queryset: QuerySet, query: QueryDict) -> QuerySet:
        raws = [raw for raw in query.getlist(self.name) if raw.strip()]
        if not raws:
            return queryset
        if not self.many:
            raws = raws[-1:]
        try:
            values = [self.read(raw.strip()) for raw in raws[:50]]
        except (ValueError, forms.ValidationError) as error:
            message = f"{self.name}: {_message(error)}"
            raise ApiError(400, "invalid_parameter", message, parameter=self.name) from None
        return self.apply(queryset, values)


def apply_params(queryset: QuerySet, params: Iterable[Param], query: QueryDict) -> QuerySet:
    """Reject unknown parameters, then apply each filter given."""
    params = list(params)
    reject_unknown(query, [*(p.name for p in params), *PAGING])
    for param in params:
        queryset = param.filter(queryset, query)
    return queryset


def read_slug(raw: str) -> str:
    if not raw.replace("-", "").replace("_", "").isalnum() or len(raw) > 120:
        raise ValueError(f"“{raw[:40]}” is not a slug")
    return raw.lower()


def read_int(raw: str) -> int:
    if not _is_number(raw, digits=6):
        raise ValueError(f"“{raw[:40]}” is not a whole number")
    return int(raw)


def date_reader(*, end: bool) -> Callable[[str], date]:
    """Read a year, month or day as the UI's date filters do (end: the period's last day)."""
    field = PartialDateField(end=end, required=False)
    return field.clean


def _is_number(raw: str, *, digits: int) -> bool:
    return raw.isascii() and raw.isdigit() and len(raw) <= digits


def _message(error: Exception) -> str:
    if isinstance(error, forms.ValidationError):
        return "; ".join(error.messages)
    return str(error)
