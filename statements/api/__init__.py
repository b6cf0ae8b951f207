"""The read-only JSON API (v1): statements, speakers, delegations, meetings, releases, themes.

Plain Django views, no framework: the statement list reuses the research UI's StatementFilter and
the export's row definition, pages with signed keyset cursors, and the OpenAPI 3.1 description is
built from the same field and parameter definitions the views use.
"""
