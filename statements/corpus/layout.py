"""Lay out a synthetic archive: meetings over bodies and years, speakers, statements (no Django).

Everything is drawn from one seeded generator, so the same seed and size give the same archive.
Rows come out as tuples in the column order of ``loader.COLUMNS``, with ids from blocks the loader
reserved, so foreign keys are known without asking the database.
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from statements.corpus.text import GENERIC_TOPICS, NameMaker, TextModel, headline

FIRST_DAY = date(1995, 1, 1)
STATEMENTS_PER_MEETING = 33
STATEMENTS_PER_SPEAKER = 20
SYMBOL_MARK = "SYN"
# Shares of the meetings; bodies not named here get 1.
BODY_WEIGHTS = {
    "general-assembly": 18,
    "security-council": 30,
    "economic-and-social-council": 6,
    "human-rights-council": 3,
    "special-committee-on-decolonization": 2,
}
MAIN_COMMITTEE_WEIGHT = 5
# Delegations' weights by kind (times a per-delegation draw): States speak most.
KIND_WEIGHTS = {
    "member_state": 1.0,
    "observer_state": 0.6,
    "group": 0.5,
    "un_entity": 0.15,
    "igo": 0.08,
}
SHARES = {"summary": 0.065, "briefing": 0.035, "right_of_reply": 0.045, "point_of_order": 0.005}
TITLE_SHARE = 0.08
ON_BEHALF_SHARE = 0.04
ALIGNED_SHARE = 0.03
MERGED_SHARE = 0.005
TOPIC_SHARE = 0.6
OTHER_TOPIC_SHARE = 0.15


def meeting_count(statements: int) -> int:
    return max(1, round(statements / STATEMENTS_PER_MEETING))


def speaker_count(statements: int) -> int:
    return max(1, statements // STATEMENTS_PER_SPEAKER)


@dataclass(frozen=True)
class DelegationRef:
    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class BodyRef:
    id: int
    name: str
    slug: str
    prefix: str
    in_assembly: bool


@dataclass(frozen=True)
class Reference:
    """What the archive already holds that synthetic rows point to."""

    delegations: list[DelegationRef]
    bodies: list[BodyRef]
    topics: dict[str, list[str]]


@dataclass(frozen=True)
class FirstIds:
    release: int
    meeting: int
    speaker: int
    statement: int


@dataclass
class MeetingPlan:
    id: int
    body: BodyRef
    date: date
    size: int
    topic: str
    session: int | None = None
    numbers: list[int] = field(default_factory=list)
    part: str = ""
    title: str = ""


@dataclass(frozen=True)
class SpeakerPlan:
    id: int
    name: str
    slug: str
    delegation_id: int | None
    merged_into: int | None


class ArchiveLayout:
    """The synthetic archive for n statements, drawn from seed."""

    def __init__(
        self, ref: Reference, *, statements: int, seed: int, ids: FirstIds, today: date
    ) -> None:
        self.ref, self.n, self.ids, self.today = ref, statements, ids, today
        self.rng = random.Random(seed)
        self.now = datetime.now().astimezone()
        countries = [d.name for d in ref.delegations if d.kind == "member_state"]
        self.text = TextModel.load(self.rng, countries=countries or ["the Member States"])
        self.names = NameMaker(self.text.data, self.rng)
        self.weights = {d.id: _weight(self.rng, d.kind) for d in ref.delegations}
        self.delegation_cum = _cumulative([self.weights[d.id] for d in ref.delegations])
        self.groups = [d for d in ref.delegations if d.kind == "group"]
        self.entities = [d for d in ref.delegations if d.kind == "un_entity"]
        self.speakers = self._speakers()
        self.by_delegation = self._speakers_by_delegation()
        self.meetings = self._meetings()

    # Speakers ------------------------------------------------------------------------------

    def _speakers(self) -> list[SpeakerPlan]:
        count = speaker_count(self.n)
        speakers_from = [d for d in self.ref.delegations if d.id in self.weights]
        homes = self.rng.choices(
            speakers_from, weights=[self.weights[d.id] for d in speakers_from], k=count
        )
        plans = []
        for i, home in enumerate(homes):
            name = self.names.name()
            pk = self.ids.speaker + i
            merged = pk - 1 if i and self.rng.random() < MERGED_SHARE else None
            plans.append(SpeakerPlan(pk, name, speaker_slug(name, pk), home.id, merged))
        return plans

    def _speakers_by_delegation(self) -> dict[int | None, tuple[list[SpeakerPlan], list[float]]]:
        """Each delegation's speakers with cumulative weights: a few of them speak most."""
        grouped: dict[int | None, list[SpeakerPlan]] = defaultdict(list)
        for speaker in self.speakers:
            grouped[speaker.delegation_id].append(speaker)
        out = {}
        for key, members in grouped.items():
            total, cum = 0.0, []
            for _ in members:
                total += self.rng.paretovariate(1.2)
                cum.append(total)
            out[key] = (members, cum)
        return out

    # Meetings ------------------------------------------------------------------------------

    def _meetings(self) -> list[MeetingPlan]:
        count = meeting_count(self.n)
        bodies = self.ref.bodies
        chosen = self.rng.choices(bodies, weights=[_body_weight(b) for b in bodies], k=count)
        topics = sorted(self.ref.topics)
        self.rng.shuffle(topics)
        topic_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(topics))]
        picked = self.rng.choices(topics, weights=topic_weights, k=count) if topics else []
        plans = [
            MeetingPlan(
                self.ids.meeting + i,
                body,
                self._day(),
                size,
                self.rng.choice(self.ref.topics[picked[i]]) if picked else "this agenda item",
            )
            for i, (body, size) in enumerate(zip(chosen, self._sizes(count), strict=True))
        ]
        _number(plans, self.rng)
        for plan in plans:
            plan.title = headline(self.rng, topic=plan.topic, body=plan.body.name)
        return plans

    def _sizes(self, count: int) -> list[int]:
        """Statements per meeting: skewed around the mean, summing to exactly n."""
        weights = [self.rng.lognormvariate(0, 0.6) for _ in range(count)]
        scale = self.n / sum(weights)
        sizes = [max(1, int(w * scale)) for w in weights]
        i = 0
        while (gap := self.n - sum(sizes)) != 0:
            j = i % count
            if gap > 0 or sizes[j] > 1:
                sizes[j] += 1 if gap > 0 else -1
            i += 1
        return sizes

    def _day(self) -> date:
        """A weekday from 1995 to today; later years hold more meetings."""
        span = (self.today - FIRST_DAY).days
        day = FIRST_DAY + timedelta(days=int(span * self.rng.random() ** 0.8))
        return day - timedelta(days=max(0, day.weekday() - 4))

    # Rows ----------------------------------------------------------------------------------

    def _source(self, m) -> bytes:
        return f"Synthetic release {self._symbol(m)}, made by generate_corpus.".encode()

    def _symbol(self, m) -> str:
        return f"{m.body.prefix}/{SYMBOL_MARK}-{m.id}"

    def release_rows(self) -> Iterator[tuple]:
        for m in self.meetings:
            source = self._source(m)
            yield (
                m.id - self.ids.meeting + self.ids.release,
                self._symbol(m),
                m.date,
                False,
                m.title,
                "en",
                "synthetic",
                "",
                "synthetic",
                hashlib.sha256(source).hexdigest(),
                "synthetic",
                self.now,
                self.now,
            )

    def release_sources(self) -> Iterator[tuple]:
        for m in self.meetings:
            yield (m.id - self.ids.meeting + self.ids.release, self._source(m))

    def meeting_rows(self) -> Iterator[tuple]:
        for m in self.meetings:
            release = m.id - self.ids.meeting + self.ids.release
            yield (m.id, release, m.body.id, m.session, m.numbers, m.part, m.date, m.title)

    def speaker_rows(self) -> Iterator[tuple]:
        for s in self.speakers:
            yield (s.id, s.name, s.slug, s.merged_into, self.now)

    def statement_rows(self) -> Iterator[tuple]:
        """Every statement, meeting by meeting, in sequence order."""
        pk = self.ids.statement
        for meeting in self.meetings:
            rows = list(MeetingWriter(self, meeting, pk).rows())
            pk += len(rows)
            yield from rows


class MeetingWriter:
    """The statements of one meeting: summaries first, briefings, statements, replies last."""

    def __init__(self, layout: ArchiveLayout, meeting: MeetingPlan, first_id: int) -> None:
        self.layout, self.meeting, self.first_id = layout, meeting, first_id
        self.rng = layout.rng

    def kinds(self) -> list[str]:
        size = self.meeting.size
        summaries = round(size * SHARES["summary"] * self.rng.uniform(0.5, 1.5))
        summaries = min(summaries, max(0, size - 1) // 2)
        rest = size - summaries
        council = self.meeting.body.slug == "security-council"
        briefings = self._count(rest, "briefing", 2.5 if council else 0.5)
        replies = self._count(rest - briefings, "right_of_reply", 1)
        middle = ["statement"] * (rest - briefings - replies)
        for i in range(len(middle)):
            if self.rng.random() < SHARES["point_of_order"]:
                middle[i] = "point_of_order"
        return (
            ["summary"] * summaries
            + ["briefing"] * briefings
            + middle
            + ["right_of_reply"] * replies
        )

    def _count(self, available: int, kind: str, factor: float) -> int:
        expected = available * SHARES[kind] * factor * self.rng.uniform(0, 2)
        return max(0, min(available - 1, int(expected + self.rng.random())))

    def rows(self) -> Iterator[tuple]:
        kinds = self.kinds()
        full = [i for i, k in enumerate(kinds) if k == "statement"]
        people = [self._who(kind) for kind in kinds]
        for i, kind in enumerate(kinds):
            summary_of = None
            if kind == "summary" and full:
                target = full[i % len(full)]
                summary_of = self.first_id + target
                people[i] = (None, people[target][1])
            yield self._row(i, kind, people[i], summary_of)

    def _who(self, kind: str) -> tuple[SpeakerPlan | None, DelegationRef | None]:
        layout = self.layout
        if kind == "briefing" and layout.entities and self.rng.random() < 0.7:
            delegation = self.rng.choice(layout.entities)
        else:
            delegation = self._delegation()
        members, cum = layout.by_delegation.get(delegation.id if delegation else None, ([], []))
        share = layout.text.data["speaker_share"].get(kind, 0.5)
        if not members or self.rng.random() >= share:
            return None, delegation
        return self.rng.choices(members, cum_weights=cum)[0], delegation

    def _delegation(self) -> DelegationRef | None:
        layout = self.layout
        if not layout.ref.delegations:
            return None
        return self.rng.choices(layout.ref.delegations, cum_weights=layout.delegation_cum)[0]

    def _row(self, i: int, kind: str, who, summary_of: int | None) -> tuple:
        speaker, delegation = who
        label = _printed(speaker.name, self.meeting.body.in_assembly) if speaker else ""
        name = delegation.name if delegation else ""
        text = self.layout.text.statement(
            kind=kind, speaker=label, delegation=name, topic=self._topic
        )
        behalf = self._behalf(delegation)
        aligned = "European Union" if self.rng.random() < ALIGNED_SHARE else ""
        title = self.layout.text.title() if self.rng.random() < TITLE_SHARE else ""
        now = self.layout.now
        return (
            self.first_id + i,
            self.meeting.id,
            i + 1,
            kind,
            self.meeting.date,
            speaker.id if speaker else None,
            label,
            delegation.id if delegation else None,
            name,
            title,
            behalf.name if behalf else "",
            behalf.id if behalf else None,
            aligned,
            summary_of,
            text,
            now,
            now,
        )

    def _behalf(self, delegation: DelegationRef | None) -> DelegationRef | None:
        groups = self.layout.groups
        if not groups or not delegation or delegation.kind != "member_state":
            return None
        return self.rng.choice(groups) if self.rng.random() < ON_BEHALF_SHARE else None

    def _topic(self) -> str:
        roll = self.rng.random()
        if roll < TOPIC_SHARE:
            return self.meeting.topic
        topics = self.layout.ref.topics
        if roll < TOPIC_SHARE + OTHER_TOPIC_SHARE and topics:
            return self.rng.choice(topics[self.rng.choice(list(topics))])
        return self.rng.choice(GENERIC_TOPICS)


def _weight(rng: random.Random, kind: str) -> float:
    return KIND_WEIGHTS.get(kind, 0.02) * rng.lognormvariate(0, 0.8)


def _body_weight(body: BodyRef) -> float:
    if body.slug in BODY_WEIGHTS:
        return BODY_WEIGHTS[body.slug]
    return MAIN_COMMITTEE_WEIGHT if body.slug.endswith("-committee") else 1


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _number(plans: list[MeetingPlan], rng: random.Random) -> None:
    """Sessions and meeting numbers in date order per body and session (or year)."""
    counters: dict[tuple, int] = defaultdict(int)
    for plan in sorted(plans, key=lambda p: (p.date, p.id)):
        d = plan.date
        if plan.body.in_assembly:
            plan.session = d.year - 1945 if d.month >= 9 else d.year - 1946
        key = (plan.body.id, plan.session or d.year)
        counters[key] += 1
        numbers = [counters[key]]
        if rng.random() < 0.15:
            counters[key] += 1
            numbers.append(counters[key])
        plan.numbers = numbers
        plan.part = "AM & PM" if len(numbers) > 1 else rng.choice(["AM", "PM"])


def _printed(name: str, assembly: bool) -> str:
    """General Assembly releases print speakers' names in capitals."""
    return name.upper() if assembly else name


def speaker_slug(name: str, pk: int) -> str:
    """A slug marked synthetic: the name, then -syn and the id."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_name.lower()).split()
    return f"{'-'.join(words)[:90] or 'speaker'}-{SYMBOL_MARK.lower()}{pk}"
