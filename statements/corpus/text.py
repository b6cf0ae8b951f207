"""Write synthetic statement texts, speaker names and headlines from markov.json (no Django).

Sentences come from the order-2 word chain built from the real releases; a statement is an opening
sentence that names its speaker or delegation, then sentences until it reaches a length drawn from
the real lengths of its kind. Slots are filled per statement: the speaker, delegations (its own or
another), the meeting's topic, years and figures (figures are heavy-tailed, so some are rare words).
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MODEL = Path(__file__).resolve().parent / "markov.json"
START, END = "<S>", "</S>"
MAX_TOKENS = 70
_SLOT = re.compile(r"<(SPEAKER|COUNTRY|TOPIC|YEAR|NUM)>")
# A "topic" slot that is not the meeting's topic: words releases use for any subject.
GENERIC_TOPICS = ["this scourge", "that challenge", "the crisis", "those crimes", "the situation"]
HEADLINES = [
    "{Topic} Must Be Addressed Collectively, Speakers Tell {body}",
    "{body} Concludes Debate on {Topic}, Delegates Urging Stronger Cooperation",
    "Delegates Stress Need for Coordinated Response to {Topic} as {body} Continues Debate",
    "{body} Hears Calls for Action on {Topic}, Amid Concern over Funding Gaps",
    "Speakers in {body} Highlight Progress, Persistent Gaps in Tackling {Topic}",
]
DEFAULT_LENGTHS = [14, 18, 22, 25, 30, 35]


@dataclass(frozen=True)
class Sentences:
    """Generated sentences (with slots) sorted by what they can open."""

    speaker_openers: list[str]
    delegation_openers: list[str]
    body: list[str]


class TextModel:
    """Statement texts from the chain, reproducible from one random generator."""

    def __init__(
        self, data: dict, rng: random.Random, *, countries: list[str], pool_size: int = 40_000
    ) -> None:
        self.data = data
        self.rng = rng
        self.countries = countries
        self.chain = {k: (v[0], _cumulative(v[1])) for k, v in data["chain"].items()}
        self.lengths = defaultdict(lambda: DEFAULT_LENGTHS, data["lengths"])
        self.sentences = self._pool(pool_size)

    @classmethod
    def load(
        cls, rng: random.Random, *, countries: list[str], pool_size: int = 40_000
    ) -> TextModel:
        data = json.loads(MODEL.read_text("utf-8"))
        return cls(data, rng, countries=countries, pool_size=pool_size)

    def sentence(self) -> str:
        """One sentence from the chain, slots unfilled."""
        a, b, out = START, START, []
        choices = self.rng.choices
        while len(out) < MAX_TOKENS:
            nexts, cum = self.chain[f"{a} {b}"]
            token = choices(nexts, cum_weights=cum)[0]
            if token == END:
                break
            out.append(token)
            a, b = b, token
        return " ".join(out)

    def _pool(self, size: int) -> Sentences:
        speaker, delegation, body = [], [], []
        for _ in range(size):
            text = self.sentence()
            n = len(text.split())
            if n < 5:
                continue
            if text.startswith("<SPEAKER>"):
                speaker.append(text)
            elif "<COUNTRY>" in text[:40] and "<SPEAKER>" not in text:
                delegation.append(text)
            else:
                body.append(text)
        return Sentences(speaker, delegation, body)

    def statement(
        self, *, kind: str, speaker: str, delegation: str, topic: Callable[[], str]
    ) -> str:
        """A statement of the kind, opening with its speaker or delegation, slots filled."""
        rng = self.rng
        target = int(rng.choice(self.lengths[kind]) * rng.uniform(0.75, 1.3))
        openers = self.sentences.speaker_openers if speaker else self.sentences.delegation_openers
        parts = [rng.choice(openers)] if delegation or speaker else []
        words = len(parts[0].split()) if parts else 0
        while words < target:
            part = rng.choice(self.sentences.body)
            parts.append(part)
            words += part.count(" ") + 1
        return _SLOT.sub(self._filler(speaker, delegation, topic), " ".join(parts))

    def _filler(self, speaker: str, delegation: str, topic: Callable[[], str]):
        rng = self.rng
        countries = self.countries

        def fill(match: re.Match) -> str:
            slot = match[1]
            if slot == "COUNTRY":
                return delegation if delegation and rng.random() < 0.6 else rng.choice(countries)
            if slot == "TOPIC":
                return topic()
            if slot == "SPEAKER":
                return speaker or "the representative"
            if slot == "YEAR":
                return str(rng.randint(1990, 2025))
            return figure(rng)

        return fill

    def title(self) -> str:
        return self.rng.choice(self.data["titles"])


def figure(rng: random.Random) -> str:
    """A number as releases print them: mostly small, with a long tail of rare ones."""
    roll = rng.random()
    if roll < 0.6:
        return str(rng.randint(2, 100))
    if roll < 0.9:
        return str(rng.randint(101, 2000))
    return f"{rng.randint(2001, 999_999):,}"


def headline(rng: random.Random, *, topic: str, body: str) -> str:
    """A meeting headline in the releases' style, naming its topic and body."""
    return rng.choice(HEADLINES).format(Topic=topic_title(topic), body=body)


def topic_title(topic: str) -> str:
    small = {"and", "of", "in", "on", "the", "to", "for", "at", "by"}
    return " ".join(
        w if w in small or w.isupper() else w[:1].upper() + w[1:] for w in topic.split()
    )


class NameMaker:
    """Speaker names: given names from the releases, family names from them or invented alike."""

    def __init__(self, data: dict, rng: random.Random) -> None:
        self.rng = rng
        self.given = data["given_names"]
        self.family = data["family_names"]
        self.letters = _letter_chain(w for name in self.family for w in name.split())

    def name(self) -> str:
        """A display name such as "Lena Okonkwo"; one in two family names is invented."""
        rng = self.rng
        family = rng.choice(self.family) if rng.random() < 0.5 else self._invented()
        return f"{rng.choice(self.given)} {family}"

    def _invented(self) -> str:
        for _ in range(20):
            word = self._word()
            if 4 <= len(word) <= 12:
                return word.capitalize()
        return self.rng.choice(self.family)

    def _word(self) -> str:
        a, b, out = "^", "^", []
        while len(out) < 14:
            nexts, cum = self.letters[a + b]
            letter = self.rng.choices(nexts, cum_weights=cum)[0]
            if letter == "$":
                break
            out.append(letter)
            a, b = b, letter
        return "".join(out)


def _letter_chain(words) -> dict[str, tuple[list[str], list[int]]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for word in words:
        letters = ["^", "^", *word.lower(), "$"]
        for a, b, c in zip(letters, letters[1:], letters[2:], strict=False):
            counts[a + b][c] += 1
    return {k: (list(v), _cumulative(list(v.values()))) for k, v in counts.items()}


def _cumulative(weights: list[int]) -> list[int]:
    total, out = 0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def topic_phrases(query: str, requires: str = "") -> list[str]:
    """Phrases a theme rule matches: its positive alternatives, each with one `requires` term."""
    alternatives = _alternatives(query)
    needed = _alternatives(requires)
    if not needed:
        return alternatives
    return [f"{alt} and {needed[i % len(needed)]}" for i, alt in enumerate(alternatives)]


def _alternatives(query: str) -> list[str]:
    """The positive terms of a websearch query: "quoted phrases" and bare words, not OR/-word."""
    terms = re.findall(r'(-?)"([^"]+)"|(-?)(\S+)', query or "")
    out = []
    for neg_q, phrase, neg_w, word in terms:
        if neg_q or neg_w or word.upper() in {"OR", "AND"}:
            continue
        out.append(phrase or word)
    return out
