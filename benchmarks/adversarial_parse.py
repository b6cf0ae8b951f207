"""Print how long the parser takes, and its peak memory, on adversarial inputs.

    python benchmarks/adversarial_parse.py [--scale 1.0]

Each case runs in a fresh child process, so the peak resident memory printed is the case's own
(ru_maxrss of the child). A case passes when it finishes, parsed or refused with a ParseError,
within the budget (5 s, 300 MB). Pure parser: no Django, no database.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from statements.parsing import ParseError, parse_press_release  # noqa: E402

HEAD = "Seventy-sixth Session,\n38th Meeting (AM)\n\nGeneral Assembly Hears Delegates\n\n"
SPEAKER = "The representative of Slovakia said the Assembly's declaration was a decisive step.\n\n"
SECONDS, MEGABYTES = 5.0, 300


def title_line(scale: float) -> str:
    """A speaker paragraph whose comma-separated title clauses run to 2 MB."""
    clauses = ", ".join(f"Minister for Affairs Number {n}" for n in range(int(62_000 * scale)))
    return HEAD + f"JANE DOE, {clauses} of Slovakia, said the plan was good.\n\n" + SPEAKER


def short_title_line(scale: float) -> str:
    """A 56 KB title line: under the paragraph limit, so the clause reader runs (was 20 s)."""
    clauses = ", ".join(f"Minister for Affairs Number {n}" for n in range(int(1_700 * scale)))
    return HEAD + f"JANE DOE, {clauses} of Slovakia, said the plan was good.\n\n" + SPEAKER


def many_paragraphs(scale: float) -> str:
    """100,000 short statement paragraphs."""
    return HEAD + "Slovakia agreed.\n\n" * int(100_000 * scale)


def limit_paragraphs(scale: float) -> str:
    """5,000 statement paragraphs, the most the budget lets through."""
    return HEAD + SPEAKER * int(4_990 * scale)


def one_line(scale: float) -> str:
    """5 MB of text without a single line break."""
    sentence = "The representative of Slovakia said the step was decisive, and more. "
    return HEAD + sentence * int(5_000_000 * scale / len(sentence))


def nested_html(scale: float) -> str:
    """A page of 50,000 nested elements around one statement."""
    depth = int(50_000 * scale)
    body = "<div><p>" * depth + SPEAKER + "</p></div>" * depth
    return f"<html><head><title>GA/12388</title></head><body>{HEAD}{body}</body></html>"


def big_page(scale: float) -> str:
    """A real page layout padded to 5 MB with script and navigation markup."""
    page = GOLDEN_PAGE.read_text("utf-8")
    script = ("<script>" + "var x = 'padding';" * 30 + "</script>\n") * int(7_000 * scale)
    nav = "<nav><ul>" + "<li><a href='/x'>Link</a></li>" * int(40_000 * scale) + "</ul></nav>"
    page = page.replace("</head>", script + "</head>", 1)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, page, count=1)


GOLDEN_PAGE = (
    Path(__file__).resolve().parents[1] / "tests/parsing/golden/sc_2021_06_29_press_un_org.html"
)
CASES: dict[str, Callable[[float], str]] = {
    "2 MB title line": title_line,
    "56 KB title line": short_title_line,
    "100,000 paragraphs": many_paragraphs,
    "5,000 paragraphs": limit_paragraphs,
    "5 MB one line": one_line,
    "deeply nested HTML": nested_html,
    "5 MB HTML page": big_page,
}


def _run(name: str, scale: float, queue: multiprocessing.Queue) -> None:
    """Build one input, parse it, and report seconds, outcome and peak memory."""
    data = CASES[name](scale).encode("utf-8")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        filename = "bench.html" if data.startswith(b"<") else "bench.txt"
        parsed = parse_press_release(data, filename=filename)
        outcome = f"parsed, {len(parsed.statements)} statements"
    except ParseError as exc:
        outcome = f"refused: {str(exc)[:70]}"
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put((len(data), seconds, peak / 1024, (peak - base) / 1024, outcome))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply every input's size")
    args = parser.parse_args()
    failed = 0
    for name in CASES:
        queue: multiprocessing.Queue = multiprocessing.Queue()
        child = multiprocessing.Process(target=_run, args=(name, args.scale, queue))
        child.start()
        child.join(timeout=120)
        if child.is_alive():
            child.kill()
            print(f"{name:22} over 120 s: killed")
            failed += 1
            continue
        size, seconds, peak, grown, outcome = queue.get()
        ok = seconds < SECONDS and peak < MEGABYTES
        failed += not ok
        print(
            f"{name:22} {size / 1e6:5.1f} MB in {seconds:6.2f} s, peak {peak:5.0f} MB "
            f"(+{grown:4.0f} MB while parsing) {'ok' if ok else 'OVER BUDGET'}: {outcome}"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
