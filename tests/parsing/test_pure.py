"""The parser is pure Python: importing and running it never loads Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_IMPORTS = frozenset(
    {
        "django",
        "os",
        "io",
        "pathlib",
        "shutil",
        "socket",
        "urllib",
        "http",
        "requests",
        "subprocess",
    }
)
SCRIPT = """
import sys
import statements.parsing as parsing
parsing.parse_press_release("Security Council\\n9001st Meeting (AM)\\n\\nJOHN ROE (Norway) said x.")
loaded = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
assert not loaded, loaded
print("ok")
"""


def test_parser_imports_without_django() -> None:
    """A fresh interpreter imports and runs the parser without importing django."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_parser_source_has_no_io_or_django_imports() -> None:
    """No module of the package imports Django or I/O modules, or calls the builtin open()."""
    package = ROOT / "statements" / "parsing"
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for name in _imported(node):
                assert name.split(".")[0] not in FORBIDDEN_IMPORTS, f"{module.name}: {name}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "open", f"{module.name} calls open()"


def _imported(node: ast.AST) -> list[str]:
    """Return the module names an import statement brings in."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module:
        return [node.module]
    return []
