"""The search engine behind every search: an embedded tantivy index fed from PostgreSQL.

PostgreSQL stays the record. Writes that change what a search shows call ``outbox.record`` in
their transaction; the indexer (``indexer.py``) applies the outbox to the index; readers ask
``engine`` for matches, exact totals and exact facet counts, then fetch the rows they show.
"""
