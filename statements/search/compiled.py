"""A page's rows query compiled to SQL once a process, then run with each page's ids.

The rows of a results page come from one query with five joins and the themes' array subquery
(`StatementQuerySet.with_theme_ids`): Django takes milliseconds to compile it, on every page,
although only the ids change. Here the ids are ONE array parameter (`"id" = ANY(%s)`), so the SQL
is the same for any page: it is compiled on the first call and reused; Django still turns the
rows into model instances as usual.
"""

from __future__ import annotations

from django.db import models
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.query import Query


@models.BigAutoField.register_lookup
class AnyOf(models.Lookup):
    """`pk__any_of=[1, 2, 3]`: `"id" = ANY(%s)` with the ids as one array parameter."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*params, self.rhs]


class _Ids(list):
    """The placeholder list compiled into the SQL: found again among the parameters by identity."""


# What ModelIterable and execute_sql read from a compiler after as_sql().
_STATE = ("select", "klass_info", "annotation_col_map", "col_count", "has_extra_select")


class CompiledRows:
    """The queryset's rows by id, its SQL compiled once a database alias. It answers what
    `readers.rows` asks of a queryset (`db`, `using`, `in_bulk`). The queryset must not change:
    build one per process."""

    def __init__(self, queryset: models.QuerySet, compiled: dict | None = None) -> None:
        self.queryset = queryset
        self._compiled: dict[str, tuple] = {} if compiled is None else compiled

    @property
    def db(self) -> str:
        return self.queryset.db

    def using(self, alias: str) -> CompiledRows:
        return CompiledRows(self.queryset.using(alias), self._compiled)

    def in_bulk(self, ids: list[int]) -> dict:
        """{id: row} for the ids found."""
        found = self.queryset.filter(pk__any_of=_Ids())
        found.query = found.query.chain(_OnceCompiledQuery)
        found.query.compiled, found.query.ids = self._compiled, list(ids)
        return {row.pk: row for row in found}


class _OnceCompiledQuery(Query):
    compiled: dict
    ids: list[int]

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        compiler = super().get_compiler(using, connection, elide_empty)
        compiler.__class__ = _OnceCompiler
        return compiler


class _OnceCompiler(SQLCompiler):
    def as_sql(self, with_limits=True, with_col_aliases=False):
        key = self.connection.alias
        if key not in self.query.compiled:
            sql, params = super().as_sql(with_limits, with_col_aliases)
            slot = next(i for i, p in enumerate(params) if isinstance(p, _Ids))
            state = {name: getattr(self, name) for name in _STATE}
            self.query.compiled[key] = (sql, tuple(params), slot, state)
        sql, params, slot, state = self.query.compiled[key]
        for name, value in state.items():
            setattr(self, name, value)
        return sql, (*params[:slot], self.query.ids, *params[slot + 1 :])
