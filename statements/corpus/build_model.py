"""Derive the synthetic archive's text model (markov.json) from the releases the project ships.

    python -m statements.corpus.build_model     # rewrites statements/corpus/markov.json

Sources: every statement of the golden parser fixtures (tests/parsing/golden/*.expected.json) and of
the sample releases (statements/sample_data/, through the real parser), once each. Names and numbers
become slots, so generated statements can name any delegation, speaker, year or figure:

- ``<SPEAKER>``: the statement's speaker as printed; ``<COUNTRY>``: a State's name or variant;
- ``<TOPIC>``: "trafficking" and its forms (most of the text comes from one trafficking debate:
  left in, it would make every synthetic meeting a trafficking meeting);
- ``<YEAR>``: 1945-2039; ``<NUM>``: any other free-standing number.

Out: an order-2 word Markov chain over sentences, statement lengths (words) per kind, the share of
each kind, the share of statements printing a speaker, titles as printed, and name parts.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "parsing" / "golden"
SAMPLES = ROOT / "statements" / "sample_data"
DELEGATIONS = ROOT / "statements" / "reference" / "delegations.json"
MODEL = Path(__file__).resolve().parent / "markov.json"

START, END = "<S>", "</S>"
_SENTENCE = re.compile(r"(?<=[.!?])[”’\"]?\s+(?=[“\"A-Z<])")
_TOPIC = re.compile(
    r"\b(?:human |anti[-‑]|counter[-‑])?traffick\w*(?: in (?:persons|human beings))?", re.I
)
_YEAR = re.compile(r"(?<![\w/‑-])(?:19[4-9]\d|20[0-3]\d)(?![\w‑])")
_NUM = re.compile(r"(?<![\w/‑.-])\d[\d,]*(?:\.\d+)?(?![\w‑])")


def statements_from_sources() -> list[dict]:
    """Every distinct statement of the golden fixtures and the sample releases."""
    found: dict[str, dict] = {}
    for path in sorted(GOLDEN.glob("*.expected.json")):
        for item in json.loads(path.read_text("utf-8"))["statements"]:
            found.setdefault(item["text"], item)
    for item in _parsed_samples():
        found.setdefault(item["text"], item)
    return list(found.values())


def _parsed_samples() -> list[dict]:
    """The sample releases' statements, through the project's parser."""
    from statements.parsing import parse_press_release

    rows = []
    for path in sorted(SAMPLES.glob("*.txt")):
        parsed = parse_press_release(path.read_bytes(), filename=path.name)
        rows += [
            {"kind": s.kind, "speaker": s.speaker, "title": s.title, "text": s.text}
            for s in parsed.statements
        ]
    return rows


def state_names() -> list[str]:
    """Names and variants of States, longest first (so "Papua New Guinea" wins over "Guinea")."""
    data = json.loads(DELEGATIONS.read_text("utf-8"))["delegations"]
    names = {
        name
        for d in data
        if d["kind"] in {"member_state", "observer_state"}
        for name in [d["name"], *d.get("variants", [])]
        if len(name) > 3
    }
    return sorted(names, key=len, reverse=True)


def slotted(text: str, speaker: str | None, countries: re.Pattern) -> str:
    """The text with names, topic words and numbers turned into slots."""
    if speaker:
        text = text.replace(speaker, "<SPEAKER>")
    text = countries.sub("<COUNTRY>", text)
    text = _TOPIC.sub("<TOPIC>", text)
    text = _YEAR.sub("<YEAR>", text)
    return _NUM.sub("<NUM>", text)


def sentences(text: str) -> list[list[str]]:
    """Split a statement into sentences of whitespace tokens."""
    return [s.split() for para in text.split("\n") for s in _SENTENCE.split(para) if s.strip()]


def build_chain(texts: list[str]) -> dict[str, list]:
    """Order-2 transitions: "w1 w2" -> [next tokens, counts], sorted for a stable file."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for tokens in sentences(text):
            padded = [START, START, *tokens, END]
            for a, b, c in zip(padded, padded[1:], padded[2:], strict=False):
                counts[f"{a} {b}"][c] += 1
    return {
        key: [list(nexts), list(nexts.values())]
        for key, nexts in sorted(counts.items())
        for nexts in [dict(sorted(nexts.items()))]
    }


def name_parts(rows: list[dict]) -> tuple[list[str], list[str]]:
    """Given names and family names of the speakers, in display case."""
    given, family = set(), set()
    for row in rows:
        words = (row.get("speaker") or "").replace(",", " ").split()
        if len(words) >= 2:
            given.add(words[0].title())
            family.add(" ".join(words[1:]).title())
    return sorted(given), sorted(family)


def build() -> dict:
    """The whole model as a JSON-ready dict."""
    rows = statements_from_sources()
    countries = re.compile(r"\b(?:" + "|".join(map(re.escape, state_names())) + r")\b")
    lengths: dict[str, list[int]] = defaultdict(list)
    with_speaker: Counter = Counter()
    for row in rows:
        lengths[row["kind"]].append(len(row["text"].split()))
        with_speaker[row["kind"]] += bool(row.get("speaker"))
    kinds = Counter(row["kind"] for row in rows)
    given, family = name_parts(rows)
    return {
        "version": 1,
        "sources": len(rows),
        "kinds": dict(sorted(kinds.items())),
        "speaker_share": {k: round(with_speaker[k] / n, 3) for k, n in sorted(kinds.items())},
        "lengths": {k: sorted(v) for k, v in sorted(lengths.items())},
        "titles": sorted({row["title"] for row in rows if row.get("title")}),
        "given_names": given,
        "family_names": family,
        "chain": build_chain([slotted(r["text"], r.get("speaker"), countries) for r in rows]),
    }


def main() -> None:
    """Rewrite markov.json."""
    model = build()
    MODEL.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"{MODEL}: {model['sources']} statements, {len(model['chain'])} states")


if __name__ == "__main__":
    main()
