#!/usr/bin/env python
"""Where a search page's CPU goes: parts of the request and templates, per kind of search.

    .venv/bin/python benchmarks/search_profile.py --corpus var/pg-scale [--repeat 5] [--prof FILE]

Runs the search mix of search_crowd.py (benchmarks/mix.json) in-process with the site cache off
(benchmarks/settings_nocache.py), after one warming request per URL, and prints per kind the CPU
ms per request (`time.process_time`) split into: templates (exclusive time per template file),
SQL (the driver's execute and fetch), the search engine (tantivy calls), and the rest of the
view and the middleware. `--prof FILE` also writes a cProfile of the timed requests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.search_crowd import MIX, SETTINGS, search_urls  # noqa: E402
from benchmarks.stack import app_env  # noqa: E402

_CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*')  # new on every request
_clock = time.thread_time  # the request's thread; the engine's pool is counted apart


class Parts:
    """CPU seconds per part; nested parts are subtracted from their parent (exclusive time)."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)
        self._stack: list[list] = []

    @contextmanager
    def part(self, name: str):
        self._stack.append([name, _clock(), 0.0])
        try:
            yield
        finally:
            name, start, children = self._stack.pop()
            spent = _clock() - start
            self.total[name] += spent - children
            if self._stack:
                self._stack[-1][2] += spent


def instrument(parts: Parts) -> None:
    """Wrap the template renderer, the database cursor and the engine's module functions."""
    from django.db.backends import utils
    from django.template import base

    from statements.search.index import engine

    def template_name(self, *args, **kwargs) -> str:
        return f"template {self.origin.template_name}"

    _wrap(parts, base.Template, "render", template_name)
    import psycopg
    from django.db.models.sql.compiler import SQLCompiler

    _wrap(parts, utils.CursorWrapper, "_execute", lambda *a, **k: "SQL (driver)")
    for method in ("fetchall", "fetchmany", "fetchone", "__iter__"):
        _wrap(parts, psycopg.Cursor, method, lambda *a, **k: "SQL (driver)")
    _wrap(parts, SQLCompiler, "as_sql", lambda *a, **k: "ORM: compiling SQL")
    _wrap(parts, SQLCompiler, "results_iter", lambda *a, **k: "ORM: rows to Python")
    for name in ("search", "_walk", "ranked", "count", "aggregate", "start_terms_passes"):
        _wrap(parts, engine, name, lambda *a, **k: "engine (this thread)")


def _wrap(parts: Parts, owner, name: str, name_of) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        with parts.part(name_of(*args, **kwargs)):
            return original(*args, **kwargs)

    setattr(owner, name, wrapper)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="var/pg-scale", help="the PGDATA of a built corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--prof", help="write a cProfile of the timed requests here")
    parser.add_argument("--kind", action="append", help="only these kinds (repeatable)")
    parser.add_argument(
        "--snapshot", type=Path, help="save every page, its /fr/ twin and other pages here"
    )
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.inner:
        return _respawn(args)
    import django
    from django.test import Client

    django.setup()
    urls = [(k, p) for k, p in search_urls(json.loads(MIX.read_text())) if _wanted(k, args)]
    client = Client()
    for _, path in urls:
        client.get(path, HTTP_HOST="127.0.0.1")
    if args.snapshot:
        return _snapshot(client, urls, args.snapshot)
    parts = Parts()
    instrument(parts)
    profiler = _profiler(args.prof)
    by_kind: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)
    for kind, path in urls:
        for _ in range(args.repeat):
            parts.total.clear()
            started = time.process_time()
            with parts.part("other Python (view, middleware, forms)"):
                if profiler:
                    profiler.enable()
                client.get(path, HTTP_HOST="127.0.0.1")
                if profiler:
                    profiler.disable()
            pool = time.process_time() - started - sum(parts.total.values())
            parts.total["engine (its pool's threads)"] += max(pool, 0.0)
            for name, spent in parts.total.items():
                by_kind[kind][name] += spent
            counts[kind] += 1
    if profiler:
        profiler.dump_stats(args.prof)
    _print(by_kind, counts)
    return 0


def _snapshot(client, urls, folder: Path) -> int:
    """Each page's body (cursor signatures, which hold the time, left out), to diff two codes."""
    from benchmarks.search_crowd import _SIGNED

    folder.mkdir(parents=True, exist_ok=True)
    paths = [p for _, p in urls] + [f"/fr{p}" for _, p in urls if p.startswith("/statements/")]
    paths += [*_other_pages(), *(f"/fr{p}" for p in _other_pages())]
    for n, path in enumerate(paths):
        response = client.get(path, HTTP_HOST="127.0.0.1")
        body = _CSRF.sub(rb"\1", _SIGNED.sub(rb"\1", response.content))
        (folder / f"{n:03d}.html").write_bytes(f"{response.status_code} {path}\n".encode() + body)
    print(f"{len(paths)} pages in {folder}")
    return 0


def _other_pages() -> list[str]:
    """Pages sharing the base template and the result card: lists, and one page of each kind."""
    from statements.models import Delegation, Speaker, Statement
    from statements.themes.models import Theme

    pages = ["/", "/speakers/", "/delegations/", "/meetings/", "/themes/", "/decisions/"]
    pages += ["/checks/", "/data/", "/coverage/", "/alerts/", "/alignment/", "/nowhere/"]
    statement = Statement.objects.order_by("pk").select_related("meeting").first()
    for row in (statement, statement and statement.meeting):
        if row is not None:
            pages.append(row.get_absolute_url())
    for model in (Speaker, Delegation, Theme):
        pages += [row.get_absolute_url() for row in model.objects.order_by("pk")[:2]]
    return pages


def _wanted(kind: str, args) -> bool:
    return not args.kind or kind in args.kind


def _profiler(path: str | None):
    if not path:
        return None
    import cProfile

    return cProfile.Profile(timer=time.process_time)


def _respawn(args) -> int:
    """Run again with the corpus's database and index in the environment."""
    import subprocess

    from config.embedded_postgres import embedded_database_url

    pgdata = Path(args.corpus).resolve()
    env = app_env(embedded_database_url(pgdata), settings_module=SETTINGS)
    env["SEARCH_INDEX_DIR"] = str(pgdata.with_name(pgdata.name + "-search-index"))
    print(f"load {os.getloadavg()[0]:.2f}", flush=True)
    cmd = [sys.executable, __file__, "--inner", *sys.argv[1:]]
    return subprocess.run(cmd, env=env, check=False).returncode


def _print(by_kind: dict, counts: dict) -> None:
    every: dict[str, float] = defaultdict(float)
    for kind, parts in by_kind.items():
        n = counts[kind]
        total = sum(parts.values()) * 1000 / n
        print(f"\n## {kind}: {total:.1f} ms CPU a request ({n} requests)")
        for name, spent in sorted(parts.items(), key=lambda kv: -kv[1])[:12]:
            print(f"  {spent * 1000 / n:7.2f} ms  {name}")
            every[name] += spent
    n = sum(counts.values())
    print(f"\n## all: {sum(every.values()) * 1000 / n:.1f} ms CPU a request ({n} requests)")
    for name, spent in sorted(every.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  {spent * 1000 / n:7.2f} ms  {name}")


if __name__ == "__main__":
    sys.exit(main())
