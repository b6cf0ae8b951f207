"""A page's queries compiled to SQL once a process, then run with each page's values.

The rows of a results page come from one query with five joins and the themes' array subquery
(`StatementQuerySet.with_theme_ids`), their snippets from a `ts_headline` query: Django takes
milliseconds to compile each, on every page, although only the ids and the search text change.
Here those are parameters with a placeholder (`ids()`, `TEXT`; the ids as ONE array parameter,
`"id" = ANY(%s)`), so the SQL is the same for any page: it is compiled on the first run and
reused; Django still turns the rows into model instances or tuples as usual.
"""

from __future__ import annotations

from django.db import models
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.query import Query

TEXT = "\x00search text\x00"  # the search text's placeholder (never sent: a NUL is refused)


@models.CharField.register_lookup  # codes and slugs (a SlugField is a CharField)
@models.BigAutoField.register_lookup
class AnyOf(models.Lookup):
    """`pk__any_of=[1, 2, 3]`: `"id" = ANY(%s)` with the values as one array parameter."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*params, self.rhs]


class _Ids(list):
    """The ids' placeholder: found again among the compiled parameters by its type."""


def ids() -> list:
    """The placeholder for the ids: `queryset.filter(pk__any_of=ids())`."""
    return _Ids()


class CompiledQuery:
    """A queryset with placeholders, compiled once a database alias; `run(ids=…, text=…)`.

    It also answers what `readers.rows` asks of a queryset (`db`, `using`, `in_bulk`). The
    queryset must not change: build one per process."""

    def __init__(self, queryset: models.QuerySet, compiled: dict | None = None) -> None:
        self.queryset = queryset
        self._compiled: dict[str, tuple] = {} if compiled is None else compiled

    @property
    def db(self) -> str:
        return self.queryset.db

    def using(self, alias: str) -> CompiledQuery:
        return CompiledQuery(self.queryset.using(alias), self._compiled)

    def run(self, **values) -> list:
        """The rows (instances, or tuples for values_list) with the placeholders filled."""
        found = self.queryset.all()
        iterable = found._iterable_class  # the query's setter would make values_list give dicts
        found.query = found.query.chain(_OnceCompiledQuery)
        found._iterable_class = iterable
        found.query.compiled, found.query.values = self._compiled, values
        return list(found)

    def in_bulk(self, wanted: list[int]) -> dict:
        """{id: row} for the ids found."""
        return {row.pk: row for row in self.run(ids=list(wanted))}


# What ModelIterable and execute_sql read from a compiler after as_sql().
_STATE = ("select", "klass_info", "annotation_col_map", "col_count", "has_extra_select")


class _OnceCompiledQuery(Query):
    compiled: dict
    values: dict

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        compiler = super().get_compiler(using, connection, elide_empty)
        compiler.__class__ = _OnceCompiler
        return compiler


class _OnceCompiler(SQLCompiler):
    def as_sql(self, with_limits=True, with_col_aliases=False):
        key = self.connection.alias
        if key not in self.query.compiled:
            sql, params = super().as_sql(with_limits, with_col_aliases)
            slots = {i: _slot(p) for i, p in enumerate(params) if _slot(p)}
            state = {name: getattr(self, name) for name in _STATE}
            self.query.compiled[key] = (sql, tuple(params), slots, state)
        sql, params, slots, state = self.query.compiled[key]
        for name, value in state.items():
            setattr(self, name, value)
        filled = list(params)
        for i, name in slots.items():
            filled[i] = self.query.values[name]
        return sql, tuple(filled)


def _slot(param) -> str | None:
    if isinstance(param, _Ids):
        return "ids"
    return "text" if isinstance(param, str) and param == TEXT else None
