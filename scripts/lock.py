"""Rewrite requirements.lock: install the project with its dev extras in a fresh venv, freeze it.

    python3 scripts/lock.py

The lock is a pip constraints file: `dev.py` and the Dockerfile install with `-c requirements.lock`,
so a fresh machine gets exactly the versions CI tested, and pyproject.toml keeps the ranges.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = (
    "# Exact versions CI tested, used as pip constraints by dev.py and the Dockerfile.\n"
    "# Regenerate after a dependency change: python3 scripts/lock.py\n"
)


def main() -> None:
    """Build a throwaway venv, install .[dev] into it and write its frozen versions."""
    with tempfile.TemporaryDirectory() as folder:
        venv.EnvBuilder(with_pip=True).create(folder)
        python = str(Path(folder) / "bin" / "python")
        subprocess.run([python, "-m", "pip", "install", "-q", f"{ROOT}[dev]"], check=True)
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--exclude-editable"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    pins = [line for line in frozen.splitlines() if not line.startswith("un-statements-archive")]
    (ROOT / "requirements.lock").write_text(HEADER + "\n".join(pins) + "\n")
    print(f"requirements.lock: {len(pins)} packages", file=sys.stderr)


if __name__ == "__main__":
    main()
