"""The read-only JSON API (v1) on django-ninja: statements, speakers, delegations, meetings,
releases, themes.

`app` builds the NinjaAPI (strict query parsing, problem details, the OpenAPI 3.1 document),
`endpoints` the operations, `schemas` the pydantic schemas (objects from the export's field
definitions, the statement list's parameters from the UI's StatementFilter), `cursors` the signed
keyset cursors, `resources` the collections' fields, records and order (shared with the dump).
"""
