"""Print how long the pure parser takes on the sample release (target: under 50 ms).

    python benchmarks/parse_speed.py [--runs 30]

No database: the parser is pure Python. The first parse (which loads the reference data and
compiles patterns) is reported apart; then the fastest and the median of the timed runs, in wall
and CPU time. On a machine shared with other work the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from statements.parsing import parse_press_release  # noqa: E402

SAMPLE = next((ROOT / "statements" / "sample_data").glob("*.txt"))


def _timed(data: bytes, clock) -> float:
    """Parse once and return the elapsed milliseconds on the given clock."""
    start = clock()
    parse_press_release(data, filename=SAMPLE.name)
    return (clock() - start) * 1000


def main() -> int:
    """Parse the sample release repeatedly and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed parses (default 30)")
    runs = parser.parse_args().runs
    data = SAMPLE.read_bytes()
    first = _timed(data, time.perf_counter)
    wall = [_timed(data, time.perf_counter) for _ in range(runs)]
    cpu = [_timed(data, time.process_time) for _ in range(runs)]
    statements = len(parse_press_release(data).statements)
    print(f"{SAMPLE.name}: {len(data):,} bytes, {statements} statements")
    print(f"first parse (loads reference data): {first:.1f} ms")
    print(
        f"wall: fastest {min(wall):.1f} ms, median {statistics.median(wall):.1f} ms ({runs} runs)"
    )
    print(f"cpu:  fastest {min(cpu):.1f} ms, median {statistics.median(cpu):.1f} ms ({runs} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
