#!/usr/bin/env python
"""Load the archive with wrk on a mix of pages and searches; print throughput and errors.

    PGDATA_DIR=var/pg-scale .venv/bin/python benchmarks/load_wrk.py [--duration 60s]

Starts gunicorn as search_mix.py does, writes the URL mix (mix.json "wrk": the sampled speaker,
country, meeting, theme and statement pages plus a few searches) and runs
``wrk -t2 -c32 -d60s --timeout 10s`` with wrk_mix.lua. Errors are HTTP statuses of 400 and more
plus wrk's socket errors (connect, read, write, timeout).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.search_mix import MIX, _libpq  # noqa: E402
from benchmarks.stack import ROOT, app_env, database_url, gunicorn  # noqa: E402

LUA = Path(__file__).with_name("wrk_mix.lua")


def paths(mix: dict, url: str) -> list[str]:
    """The pages (sampled as search_mix.py does) and the searches of the wrk mix, interleaved."""
    import psycopg

    pages = []
    with psycopg.connect(_libpq(url), autocommit=True) as conn, conn.cursor() as cursor:
        for kind in mix["wrk"]["pages"]:
            spec = mix["pages"][kind]
            cursor.execute(spec["sql"])
            pages += [spec["path"].format(value) for (value,) in cursor.fetchall()]
    words = {k: quote(v) for k, v in mix["words"].items()}
    searches = [mix["search_path"] + s.format(**words) for s in mix["wrk"]["searches"]]
    every = max(1, len(pages) // max(1, len(searches)))
    out = []
    for i, page in enumerate(pages):
        out.append(page)
        if i % every == every - 1 and searches:
            out.append(searches[(i // every) % len(searches)])
    return out


def run_wrk(base: str, url_file: Path, args: argparse.Namespace, duration: str) -> str:
    cmd = [
        shutil.which("wrk") or "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{duration}",
        f"--timeout={args.timeout}",
        "--latency",
        "-s",
        str(LUA),
        base,
        "--",
        str(url_file),
    ]
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=32, help="Connections (default 32)")
    parser.add_argument("--duration", default="60s", help="How long (default 60s)")
    parser.add_argument("--timeout", default="10s", help="wrk's per-request timeout (10s)")
    parser.add_argument(
        "--warmup", default="", help="Run wrk this long first, unmeasured (fills the site's cache)"
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument(
        "--app-dir", type=Path, default=ROOT, help="Serve the code in this folder (default: here)"
    )
    args = parser.parse_args()
    mix = json.loads(MIX.read_text("utf-8"))
    url = database_url()
    env = app_env(url)
    with tempfile.TemporaryDirectory() as tmp:
        url_file = Path(tmp) / "paths.txt"
        mix_paths = paths(mix, url)
        url_file.write_text("\n".join(mix_paths) + "\n", "utf-8")
        print(f"{len(mix_paths)} URLs in the mix, e.g. {mix_paths[:3]}")
        with gunicorn(env, workers=args.workers, app_dir=args.app_dir) as base:
            if args.warmup:
                run_wrk(base, url_file, args, args.warmup)
            output = run_wrk(base, url_file, args, args.duration)
    print(output)
    result = re.search(r"RESULT (.*)", output)
    fields = dict(item.split("=") for item in result[1].split()) if result else {}
    errors = sum(
        int(fields.get(k, 0)) for k in ("http_errors", "connect", "read", "write", "timeout")
    )
    print(f"Throughput {fields.get('rps', '?')} requests/s; {errors} errors.")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
