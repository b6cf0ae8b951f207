"""Reference data of the meetings app: the UN bodies the archive knows from the start."""

from __future__ import annotations

import json
from importlib import resources


def load_bodies() -> list[dict]:
    """Return the shipped list of bodies, parents before children."""
    return json.loads(resources.files(__package__).joinpath("bodies.json").read_text("utf-8"))
