"""Statement exports: every matching row, streamed as CSV or JSON Lines with flat memory.

One definition of a statement row (``fields.STATEMENT_FIELDS``) serves the CSV and JSON Lines
exports, the API's statement objects, the full dump and the data dictionary, so their names agree.

Speed: a million rows must stream at 20,000 rows a second or more. Python cannot build and
quote a million CSV rows that fast beside the query, so PostgreSQL does it: the search index
gives the matches' ids in the page's order (``StatementFilter.spec()``, ``selection.py``), a
queryset over each batch of them selects one ORM expression per field (``expressions.py``,
``formulas.py``), Django compiles it, and ``COPY (...) TO STDOUT`` streams the rows, which are
passed on in chunks (``streaming.py``). JSON Lines rows are ``json_build_object`` values streamed
the same way. Memory stays flat: nothing holds more than one batch.

    fields.py       what a statement row is (names, types, descriptions, ORM paths)
    formulas.py     CSV injection defused, in SQL and in Python alike
    expressions.py  the fields as ORM expressions: CSV cells, JSON objects
    streaming.py    COPY TO STDOUT in chunks of settings.EXPORT_FLUSH_BYTES; content types
    selection.py    the search's ids in the page's order, a COPY per batch
    records.py      other tables' records (decisions, votes, dump tables) written in Python
    slots.py        at most settings.EXPORTS_PER_PROCESS exports at once (slow clients)
    views.py        the export pages
"""
