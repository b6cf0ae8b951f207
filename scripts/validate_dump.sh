#!/usr/bin/env bash
# Make a fresh dump of the sample data and validate it as a Frictionless data package (every file
# against its Table Schema: types, enums, keys, foreign keys, sizes and SHA-256). Exits non-zero on
# any error. Usage: bash scripts/validate_dump.sh  (CI: .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 dev.py manage migrate --no-input >/dev/null
python3 dev.py manage load_sample_data >/dev/null
python3 dev.py manage dump_archive --output "$work" >/dev/null
zip=$(ls "$work"/un-statements-archive-*.zip)
.venv/bin/python -m zipfile -e "$zip" "$work/unzipped"
package=$(ls "$work"/unzipped/*/datapackage.json)
.venv/bin/frictionless validate "$package"
