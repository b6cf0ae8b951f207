"""The dump's datapackage.json: a Frictionless Data Package with a Table Schema for every file.

Data Package and Table Schema (https://datapackage.org/standard/data-package/, .../table-schema/):
each CSV and JSON Lines file is a tabular resource with its fields' types, list fields (CSV cells
joined with ';'), the vocabularies of coded fields as enums, patterns for codes (an M49 code is a
three-digit, zero-padded string: 004, not 4), primary keys, and foreign keys between the files.
`frictionless validate datapackage.json` in the unzipped folder checks every row against it, and
the bytes and SHA-256 of every file (CI does, on a fresh dump: tests/publish/test_datapackage.py).
"""

from __future__ import annotations

from meetings.languages import LANGUAGES
from statements.decisions.models import Decision, NarrativeParagraph, Vote
from statements.models import Delegation, Statement
from statements.publish.exports.fields import LIST_SEPARATOR, Field

PROFILE = "tabular-data-resource"
TYPES = {
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "date": {"type": "date"},
    "datetime": {"type": "datetime"},
    "url": {"type": "string", "format": "uri"},
}
# Coded fields: the values they may hold (an empty cell is a missing value, not checked).
ENUMS: dict[tuple[str, str], list[str]] = {
    ("statements", "kind"): list(Statement.Kind.values),
    ("statements", "review_state"): list(Statement.ReviewState.values),
    ("statements", "language"): list(LANGUAGES),
    ("delegations", "kind"): list(Delegation.Kind.values),
    ("decisions", "action"): list(Decision.Action.values),
    ("decisions", "method"): list(Decision.Method.values),
    ("votes", "action"): list(Decision.Action.values),
    ("votes", "vote"): list(Vote.Choice.values),
    ("votes", "basis"): list(Vote.Basis.values),
    ("narrative", "kind"): list(NarrativeParagraph.Kind.values),
}
PATTERNS: dict[tuple[str, str], str] = {
    ("delegations", "m49"): "[0-9]{3}",
    ("delegations", "iso3"): "[A-Z]{3}",
    ("delegations", "iso2"): "[A-Z]{2}",
    ("delegations", "wikidata"): "Q[0-9]+",
    ("statements", "delegation_iso3"): "[A-Z]{3}",
}


def _refers(fields: str | list[str], resource: str, to: str | list[str]) -> dict:
    return {"fields": fields, "reference": {"resource": resource, "fields": to}}


# Keys: every id is unique; every reference names a row of the file it points to. ("" is the
# same file.) A statement's speaker_slug may name a speaker merged into another (the speakers
# file holds current speakers only), so it is not a foreign key.
KEYS: dict[str, dict] = {
    "statements": {
        "primaryKey": ["id"],
        "foreignKeys": [
            _refers("meeting_id", "meetings", "id"),
            _refers("delegation_code", "delegations", "code"),
            _refers("on_behalf_of_code", "delegations", "code"),
            _refers("summary_of_id", "", "id"),
        ],
    },
    "speakers": {"primaryKey": ["id"]},
    "delegations": {"primaryKey": ["code"]},
    "meetings": {"primaryKey": ["id"]},
    "releases": {
        "primaryKey": ["symbol"],
        "foreignKeys": [_refers("meeting_id", "meetings", "id")],
    },
    "themes": {"primaryKey": ["slug"], "foreignKeys": [_refers("parent", "", "slug")]},
    "decisions": {"primaryKey": ["id"], "foreignKeys": [_refers("meeting_id", "meetings", "id")]},
    "votes": {
        "foreignKeys": [
            _refers("decision_id", "decisions", "id"),
            _refers("delegation_code", "delegations", "code"),
            _refers("explanation_id", "statements", "id"),
        ]
    },
    "narrative": {
        "primaryKey": ["meeting_id", "paragraph"],
        "foreignKeys": [_refers("meeting_id", "meetings", "id")],
    },
    "vote_explanations": {
        "primaryKey": ["decision_id", "statement_id"],
        "foreignKeys": [
            _refers("decision_id", "decisions", "id"),
            _refers("statement_id", "statements", "id"),
        ],
    },
}


def field_schema(table: str, field: Field) -> dict:
    """One Table Schema field: its type (a list of items for a list field) and constraints."""
    schema: dict = {"name": field.name, "description": field.description}
    if field.many:
        item = TYPES[field.type]["type"]
        schema |= {"type": "list", "delimiter": LIST_SEPARATOR, "itemType": item}
    else:
        schema |= TYPES[field.type]
    constraints = {}
    if enum := ENUMS.get((table, field.name)):
        constraints["enum"] = enum
    if pattern := PATTERNS.get((table, field.name)):
        constraints["pattern"] = pattern
    if field.name in KEYS.get(table, {}).get("primaryKey", []):
        constraints["required"] = True
    if constraints:
        schema["constraints"] = constraints
    return schema


def table_schema(table: str, fields: tuple[Field, ...]) -> dict:
    """The Table Schema of a table: fields in file order, keys, and what an empty cell means."""
    keys = KEYS.get(table, {})
    schema = {"fields": [field_schema(table, f) for f in fields], "missingValues": [""]}
    if "primaryKey" in keys:
        schema["primaryKey"] = keys["primaryKey"]
    if keys.get("foreignKeys"):
        schema["foreignKeys"] = keys["foreignKeys"]
    return schema


def csv_resource(table, file) -> dict:
    """The CSV file of a table as a tabular resource, with its size and checksum."""
    return {
        "name": table.name,
        "path": file.path,
        "profile": PROFILE,
        "title": table.name.replace("_", " ").capitalize(),
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": file.bytes,
        "hash": f"sha256:{file.sha256}",
        "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
        "schema": table_schema(table.name, table.fields),
    }


def jsonl_resource(table, file) -> dict:
    """The JSON Lines file of a table: the same rows, lists as arrays, null where no value.

    An empty file (a table with no rows) has no row to read keys from: frictionless cannot open
    it as a table, so it is described as a plain file (its bytes and hash still checked)."""
    if not file.rows:
        return {
            "name": f"{table.name}-jsonl",
            "path": file.path,
            "type": "file",
            "format": "jsonl",
            "description": f"{table.description} (JSON Lines; no rows in this dump.)",
            "bytes": file.bytes,
            "hash": f"sha256:{file.sha256}",
        }
    schema = table_schema(table.name, table.fields)
    schema.pop("foreignKeys", None)  # checked once, on the CSV files (the same rows)
    for field in schema["fields"]:
        if field["type"] == "list":  # a JSON array, not a joined string
            field.update(type="array")
            field.pop("delimiter"), field.pop("itemType")
    return {
        "name": f"{table.name}-jsonl",
        "path": file.path,
        "profile": PROFILE,
        "description": f"{table.description} (JSON Lines: the same rows as {table.name}.csv.)",
        "format": "jsonl",
        "mediatype": "application/jsonl",
        "encoding": "utf-8",
        "bytes": file.bytes,
        "hash": f"sha256:{file.sha256}",
        "schema": schema,
    }


def build_datapackage(manifest: dict, tables: list, files: list) -> dict:
    """datapackage.json for the dump: one resource a file, with the dump's name and version."""
    by_path = {f.path: f for f in files}
    resources = []
    for table in tables:
        resources.append(csv_resource(table, by_path[f"{table.name}.csv"]))
        resources.append(jsonl_resource(table, by_path[f"{table.name}.jsonl"]))
    tabular = all(r.get("profile") == PROFILE for r in resources)
    return {
        "profile": "tabular-data-package" if tabular else "data-package",
        "name": manifest["name"],
        "title": manifest["title"],
        "version": manifest["version"],
        "created": manifest["created_at"],
        "homepage": f"{manifest['site_url']}/data/",
        "description": manifest["citation"],
        "resources": resources,
    }
