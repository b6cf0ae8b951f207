"""Every repository path the README, docs/ and the code's docstrings and comments name exists.

A moved or deleted module leaves its old path in prose that no import checks; this does. A path
is a top-level folder of the repository then names, ending in a file name with an extension or in
a slash (`statements/search/index/engine.py`, `docs/`, `statements/corpus/`); a template's name
(`statements/home.html`) may also name a file under templates/. The README and docs/ also name
files from inside a package (`search/index/guard.py`): some file must end with each of those.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOP = ("config", "meetings", "statements", "tests", "benchmarks", "docs", "scripts", "templates")
TOP += ("deploy", "static", ".ci")
# A path: a top-level folder of the repository, then names; not part of a URL or another path.
PATH = re.compile(
    r"(?<![\w./:<>{}-])((?:" + "|".join(re.escape(t) for t in TOP) + r")/[\w.*/-]*[\w*/])"
)
PROSE = ["README.md", "docs/*.md", "Dockerfile", "docker-compose.yml", ".ci/run"]
CODE = ["config/**/*.py", "meetings/**/*.py", "statements/**/*.py", "benchmarks/**/*.py"]
CODE += ["scripts/**/*.py", "tests/**/*.py", "dev.py"]


def sources() -> list[Path]:
    found = {p for pattern in PROSE + CODE for p in ROOT.glob(pattern)}
    return sorted(p for p in found if "migrations" not in p.parts and p.is_file())


def prose(path: Path) -> list[tuple[int, str]]:
    """(first line, text) of what a reader reads: a whole document, or a module's docstrings
    (triple-quoted strings) and comments."""
    text = path.read_text("utf-8")
    if path.suffix != ".py":
        return list(enumerate(text.splitlines(), 1))
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        is_doc = token.type == tokenize.STRING and token.string.lstrip("rbuf").startswith('"""')
        if token.type == tokenize.COMMENT or is_doc:
            found += [(token.start[0] + i, ln) for i, ln in enumerate(token.string.splitlines())]
    return found


def named_paths(path: Path) -> list[tuple[int, str]]:
    """(line, path) of each repository path the file's prose names."""
    found = []
    for number, line in prose(path):
        for match in PATH.finditer(line):
            name = match[1].rstrip(".")
            last = name.rstrip("/").rsplit("/", 1)[-1]
            if name.endswith("/") or "." in last or "*" in last:
                found.append((number, name))
    return found


def exists(name: str) -> bool:
    if "*" in name:
        return any(ROOT.glob(name))
    return (ROOT / name).exists() or (ROOT / "templates" / name).exists()


# A file named in backticks from inside a package (`search/index/guard.py`, `exports/views.py`):
# some file of the repository must end with it. Outside the repository (`../`) is not checked.
RELATIVE = re.compile(r"`((?!\.\./)[\w.-]+(?:/[\w.-]+)+\.(?:py|html|md|toml|sh|json))`")


def repository_files() -> set[str]:
    """Every file under the top-level folders, as a path from the repository's root."""
    return {
        str(p.relative_to(ROOT))
        for top in TOP
        for p in (ROOT / top).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


DOCUMENTS = ["README.md", *(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob("docs/*.md")))]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_file_named_from_inside_a_package_exists(document):
    files = repository_files()
    text = (ROOT / document).read_text("utf-8")
    missing = [
        f"line {n}: {name}"
        for n, line in enumerate(text.splitlines(), 1)
        for name in RELATIVE.findall(line)
        if not any(f == name or f.endswith("/" + name) for f in files)
    ]
    assert not missing, f"{document} names files that do not exist: {missing}"


@pytest.mark.parametrize("source", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_named_path_exists(source):
    if source == Path(__file__):
        return
    missing = [f"line {n}: {name}" for n, name in named_paths(source) if not exists(name)]
    assert not missing, f"{source.relative_to(ROOT)} names paths that do not exist: {missing}"
