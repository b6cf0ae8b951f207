"""Statement fields as ORM expressions, so that PostgreSQL builds each CSV cell or JSON object."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Expression, F, Func, OuterRef, QuerySet, TextField, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse

from config.public_urls import site_url
from statements.publish.exports.fields import LIST_SEPARATOR, STATEMENT_FIELDS, Field
from statements.publish.exports.formulas import csv_safe
from statements.querysets import effective_theme_tags
from statements.themes.models import StatementTheme

_PROBE_ID = 987654321


class JSONBuildObject(Func):
    """json_build_object(k1, v1, ...) as text: keys keep their order (jsonb would sort them)."""

    function = "JSON_BUILD_OBJECT"
    template = "%(function)s(%(expressions)s)::text"
    output_field = TextField()


class ArrayToString(Func):
    function = "ARRAY_TO_STRING"
    output_field = TextField()


def effective_theme_slugs() -> ArraySubquery:
    """Each statement's effective theme slugs, in taxonomy order, each once."""
    tags = effective_theme_tags(StatementTheme.objects.filter(statement=OuterRef("pk")))
    order = ("theme__position", "theme__slug")
    return ArraySubquery(tags.order_by(*order).distinct(*order).values("theme__slug"))


def absolute_url_expression(route: str, key: str = "pk") -> Expression:
    """The public site + the route's path for the row's key, built in SQL."""
    prefix, suffix = reverse(route, args=[_PROBE_ID]).split(str(_PROBE_ID))
    parts = [Value(site_url() + prefix), Cast(F(key), TextField())]
    if suffix:
        parts.append(Value(suffix))
    return Concat(*parts, output_field=TextField())


def field_expression(field: Field) -> Expression:
    """The value of a statement field, as stored or computed."""
    if field.name == "permalink":
        return absolute_url_expression("statements:statement-detail")
    if field.name == "themes":
        return effective_theme_slugs()
    return F(field.lookup)


def csv_expression(field: Field) -> Expression:
    """The field as one CSV cell: lists joined with ';', text defused."""
    expression = field_expression(field)
    if field.many:
        return ArrayToString(expression, Value(LIST_SEPARATOR))
    return csv_safe(expression) if field.is_text else expression


def json_expression(fields: Sequence[Field] = STATEMENT_FIELDS) -> JSONBuildObject:
    """One JSON object a row, keys in field order (absent lists are [], not null)."""
    pairs: list[Expression] = []
    for field in fields:
        value = field_expression(field)
        pairs += [Value(field.name), value]
    return JSONBuildObject(*pairs)


def statement_json(queryset: QuerySet, *extra: str) -> QuerySet:
    """(json text, *extra) tuples: the statement record as JSON, then extra columns."""
    return queryset.values_list(json_expression(), *extra)


def statement_csv_rows(queryset: QuerySet) -> QuerySet:
    """One tuple of CSV-ready cells a statement, in STATEMENT_FIELDS order."""
    return queryset.values_list(*(csv_expression(f) for f in STATEMENT_FIELDS))
