"""Find who speaks by grammar, not by listed sentence shapes: a subject that names a delegation
and a reporting predicate in the finite-verb slot, in English and French.

The delegation lexicon is the anchor: every mention of a known delegation in a paragraph is a
candidate. A mention is a speaker when

- its noun phrase is a subject: the delegation alone ("Peru", "le Pérou"), a role or title of it
  ("the representative of Peru", "Peru's delegate", "the Prime Minister of Peru", "le Ministre des
  affaires étrangères du Pérou") or a person with it in brackets ("Jane Doe (Peru)");
- the phrase opens a clause: at a sentence start, after an opening phrase and its comma ("In a
  similar vein, ..."), or after a subordinating word ("..., while ...", "... alors que ...");
- a predicate follows, possibly after a clause between commas ("Peru, speaking as a country
  concerned, said", "The representative of Peru, whose country hosts ..., said", ", who urged");
  or the predicate comes first, inverted ("..., said Peru's delegate", "..., a renchéri le Pérou",
  "comme l'a rappelé le Chili").

A role or title makes any finite verb a report ("the representative of Peru introduced"); the
delegation alone needs a verb of saying, asking or judging, since "Peru" is often what is spoken of.
"""

from __future__ import annotations

import re
from dataclasses import replace

from statements.parsing.clauses import POSTED_AT
from statements.parsing.reporting.lexicon import (
    AFTER_INVERTED,
    CLAUSE_OPEN,
    COMMA,
    EN_INVERTED,
    EN_NOT_SAYING,
    EN_NOT_VERBS,
    EN_PREDICATE,
    EN_SUBORDINATE,
    FR_INVERTED,
    FR_NOT_SAYING,
    FR_PREDICATE,
    FR_PRESENT_INVERTED,
    MAX_APPOSITION,
    SENTENCE_BREAK,
    WHO,
    is_reporting_stem,
    reports,
    spoken_in_french,
    word_set,
)
from statements.parsing.reporting.mentions import (
    SPEAKING_KINDS,
    Mention,
    find_mentions,
)
from statements.parsing.speakers import Attribution, presiding
from statements.parsing.substrings import CASE_ODDITIES, holds_any
from statements.reference import STATE_KINDS


def reported_attributions(
    paragraph: str, language: str | None = None, *, starts: list[int] | None = None
) -> list[Attribution]:
    """Every clause whose subject names a delegation and whose predicate reports what it said
    (language "en" or "fr", when known, spares the other language's patterns; `starts`, when
    given, are where SENTENCE_BREAK starts the paragraph's sentences)."""
    found: dict[int, Attribution] = {}
    mentions = find_mentions(paragraph, language)
    if not mentions:
        return []
    starts = _sentence_starts(paragraph) if starts is None else starts
    predicates = _Predicates(paragraph)
    coordinated: list[Mention] = []
    behalf: Mention | None = None
    previous: tuple[int, Mention] | None = None  # the last speaker found, and where it starts
    last_end = -1
    for index, mention in enumerate(mentions):
        if _many_of_a_group(paragraph, mention):
            continue  # "les délégations du Groupe arabe ont insisté": members, not the group
        if _for_whom(paragraph, mention.phrase_start) or (
            behalf is not None
            and _BEHALF_LIST.fullmatch(paragraph, behalf.phrase_end, mention.phrase_start)
            and not _FRENCH_SUBJECT.match(paragraph, mention.phrase_start)
        ):
            behalf = mention  # "au nom du Groupe des 77", "speaking for X, Y and Z": for whom
            continue
        behalf = None
        if coordinated and not _joined(paragraph, coordinated[-1].phrase_end, mention.phrase_start):
            coordinated = []
        if _list_goes_on(paragraph, mentions, index):
            coordinated.append(mention)  # "l’Argentine, le Venezuela et El Salvador ont rétorqué"
            continue
        sentence = _sentence_of(
            starts, coordinated[0].phrase_start if coordinated else mention.phrase_start
        )
        first = coordinated[0] if coordinated else mention
        start = _forward(paragraph, sentence, first, mention, predicates)
        if start is None and coordinated:  # "menées par l’Allemagne, la Russie a estimé": no list
            alone = _sentence_of(starts, mention.phrase_start)
            start = _forward(paragraph, alone, mention, mention, predicates)
            if start is not None:
                coordinated, sentence = [], alone
        if start is None:
            start = _inverted(paragraph, sentence, mention, language)
        held_by = start is None
        if held_by:
            start = _held_by(paragraph, sentence, coordinated[0] if coordinated else mention)
        if (
            start is None
            and previous is not None
            and _joinable(mention)
            and _joined(paragraph, previous[1].phrase_end, mention.phrase_start)
        ):
            # "Pour la Turquie et les États-Unis, ...": one more holder of the same view
            held = found[previous[0]]
            joint = (*held.joint, replace(held, joint=()))
            found[previous[0]] = replace(_attribution(previous[0], mention), joint=joint)
            previous = (previous[0], mention)
            continue
        previous = None
        if start is None:
            coordinated.append(mention)
            continue
        if start <= max(found, default=-1):  # a second speaker in the same sentence
            start = _clause_start(paragraph, last_end, (coordinated or [mention])[0].phrase_start)
        if start not in found:
            joint = tuple(_attribution(start, m) for m in coordinated if _joinable(m))
            attribution = _attribution(start, mention)
            if _presides(paragraph, sentence, mention):
                attribution = replace(attribution, kind_hint="briefing")
            found[start] = replace(attribution, joint=joint) if joint else attribution
            last_end = mention.phrase_end
            previous = (start, mention) if held_by else None
        coordinated = []
    return [found[start] for start in sorted(found)]


_PLURAL_ROLE = re.compile(
    r"(?:[Ll]es|[Tt]he)\s+(?:délégations|représentants|délégués|delegations|representatives|delegates|"
    r"members)\b"
)


def many_open(text: str) -> bool:
    """Say whether a text opens on several delegations ("Les délégations du Groupe arabe",
    "The representatives of many States"): a collective subject, told in the narrative."""
    return bool(_PLURAL_ROLE.match(text))


def _many_of_a_group(paragraph: str, mention: Mention) -> bool:
    """Say whether the phrase names several members of a group ("the delegations of the African
    Group"): a collective subject, where no one State speaks for the group."""
    return (
        mention.shape == "role"
        and mention.found.ref.kind == "group"
        and bool(_PLURAL_ROLE.match(paragraph, mention.phrase_start))
    )


_ON_BEHALF = re.compile(
    r"(?:\bau\s+nom\s+d(?:u|es|e\s+la|e\s+l[’']|e|[’'])|\bon\s+behalf\s+of|\bspeaking\s+(?:also\s+)?"
    r"for|\bwith\s+the\s+support\s+of)\s*(?:the\s+|l[’']|les?\s+|la\s+)?$"
)
_BEHALF_WORDS = ("nom", "behalf", "speaking", "support")  # one is in every _ON_BEHALF phrase


def _for_whom(paragraph: str, start: int) -> bool:
    """Say whether the words just before `start` say for whom someone speaks ("au nom du")."""
    before = max(0, start - 40)
    window = paragraph[before:start]
    if not holds_any(window, _BEHALF_WORDS):
        return False  # plain substring tests spare the pattern, which tries every position
    return bool(_ON_BEHALF.search(paragraph, before, start))


# Between two delegations spoken for: "speaking for Argentina, Mexico and Sierra Leone".
_BEHALF_LIST = re.compile(
    r"\s*(?:,\s*|\s(?:and|et)\s+|,\s*(?:and|et)\s+)(?:the\s+|de\s+la\s+|du\s+|des\s+|"
    r"de\s+l[’']|d[’']|la\s+|les?\s+|l[’'])?"
)
# "au nom de l’Union européenne, et le Mexique": an article, not "du", opens a subject.
_FRENCH_SUBJECT = re.compile(r"(?:l[’']|la\s|les?\s)")
# Between two joint subjects: a comma, "et", "and" or ";", maybe after "on behalf of X".
_COORDINATION = re.compile(
    r"\s*(?:,\s*(?:(?:également|aussi|also)\s+)?(?:au\s+nom|on\s+behalf|speaking\s+for)\b"
    r"[^;,]{0,120}?)?"
    r"\s*(?:,\s*(?:mais\s+aussi|but\s+also)\s+|,\s*|;\s*|\s(?:et|and)\s+|[,;]\s*(?:et|and)\s+|"
    r",?\s*(?:ainsi\s+que|as\s+well\s+as)\s+|"
    # "L’Égypte, rejointe par la Chine et le Soudan, ont déploré": they said it too (English
    # "Egypt, joined by China, deplored" stays Egypt's: a bare name before a comma and an
    # English verb may be a place, "in Abuja, Nigeria, endorsed")
    r",\s*(?:rejointe?s?|suivie?s?|appuyée?s?)\s+par\s+)"
    r"(?:the\s+|of\s+(?:the\s+)?|"
    r"de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’']|la\s+|les?\s+|l[’'])?"
)


# A list whose items are set off by semicolons: "de l’Irlande, au nom de ...; du Liban, ...; et du".
_LIST_CHAIN = re.compile(
    r"(?:[^;]{0,200};\s*(?:et\s+|and\s+)?(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’']|"
    r"of\s+(?:the\s+)?|the\s+)?)+"
)


def _joined(paragraph: str, end: int, start: int) -> bool:
    """Say whether two delegations are joint subjects: only list punctuation between them."""
    if _COORDINATION.fullmatch(paragraph, end, start):
        return True
    return ";" in paragraph[end:start] and bool(_LIST_CHAIN.fullmatch(paragraph, end, start))


def _list_goes_on(paragraph: str, mentions: list[Mention], index: int) -> bool:
    """Say whether a joint subject follows this one ("La France, au nom de l’Union européenne,
    et le Mexique"): the list, not its first item, is the subject of the verb after it."""
    mention = mentions[index]
    after = paragraph[mention.phrase_end : mention.phrase_end + 8].lstrip()
    joins = after[:1] in (",", ";") or after.startswith(("et ", "and ", "ainsi", "as well"))
    if not joins or not _joinable(mention):
        return False  # a joint subject goes on after a comma, a semicolon, "et" or "and"
    for following in mentions[index + 1 :]:
        if _for_whom(paragraph, following.phrase_start):
            continue  # the group spoken for, inside the list
        return _joinable(following) and _joined(
            paragraph, mention.phrase_end, following.phrase_start
        )
    return False


def _joinable(mention: Mention) -> bool:
    """A joint subject is a State, group or organization (not an office)."""
    return mention.found.ref.kind in SPEAKING_KINDS


_OFFICE_BEFORE = re.compile(
    r"\b(?:Chair(?:man|woman|person)?|President|Présidente?)\s*,?\s*(?:Mr\.|Ms\.|Mrs\.|M\.|Mme)?\s*$"
)
_NATIONAL = re.compile(r"national\s+capacity|titre\s+national", re.IGNORECASE)


def _presides(paragraph: str, sentence: int, mention: Mention) -> bool:
    """Say whether a named person is introduced as the presiding officer ("the Chair, NAME (X)")."""
    if mention.shape != "name":
        return False
    stop = SENTENCE_BREAK.search(paragraph, mention.phrase_end)
    end = min(stop.start() if stop else len(paragraph), mention.phrase_end + 120)
    window = paragraph[max(sentence, mention.phrase_start - 100) : end]
    before = paragraph[max(sentence, mention.phrase_start - 40) : mention.phrase_start]
    return presiding(window) or bool(_OFFICE_BEFORE.search(before) and not _NATIONAL.search(window))


# Where a clause opens inside a sentence: a comma or semicolon, maybe a joining word after it.
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?:(?:et|and|but|mais)\s+)?")


def _clause_start(paragraph: str, end: int, subject: int) -> int:
    """Where a second speaker's clause starts in a sentence: at the last comma or semicolon
    between the first speaker's name and the second's subject ("La Bolivie était convaincue
    que ..., et l’Équateur s’est dit"), else just after the first speaker's name."""
    breaks = list(_CLAUSE_BREAK.finditer(paragraph, end, subject))
    return breaks[-1].start() + 1 if breaks else _after(paragraph, end)


def _after(paragraph: str, end: int) -> int:
    """The first word after a previous speaker's name (and its punctuation)."""
    while end < len(paragraph) and paragraph[end] in ' .,;:”"’»':
        end += 1
    return end


def _forward(
    paragraph: str, sentence: int, first: Mention, mention: Mention, predicates: _Predicates
) -> int | None:
    """Return where the clause starts when the mention (or the list it ends) is a subject."""
    left = _window(paragraph, sentence, first.phrase_start, 60)
    tail = left[-24:]
    if "ith" in tail and _WITH.search(tail) and first is mention:
        # "..., with Colombia’s delegate stating", "..., with NAME (Nigeria) commending"
        ing = _ING.match(paragraph, mention.phrase_end)
        return mention.phrase_start if ing and is_reporting_stem(ing.group("stem")) else None
    if "w" in tail and _WAS.search(tail) and first is mention and mention.shape == "role":
        who = WHO.match(paragraph, mention.phrase_end)  # "Also questioning it was X, who"
        return sentence if who and _predicate_at(predicates, who.end() - 1, mention, True) else None
    example = _example_of(left)
    if example is not None and _has_example_predicate(paragraph, mention, predicates):
        # "Certains, tel le Qatar, ont relevé", "..., d’autres, comme l’ASEAN, s’y sont associés"
        return first.phrase_start - len(left) + example
    if _may_include(tail) and first is mention and mention.shape == "role":
        who = WHO.match(paragraph, mention.phrase_end)  # "..., including the delegate of X, who"
        if who and _predicate_at(predicates, who.end() - 1, mention, True):
            return mention.phrase_start
        return None
    if (
        first is mention
        and mention.shape == "bare"
        and "whose" in paragraph[mention.phrase_end : mention.phrase_end + 9]
    ):
        whose = _WHOSE_ROLE.match(
            paragraph, mention.phrase_end
        )  # "In Myanmar, whose delegate said"
        if whose and _predicate_at(predicates, whose.end() - 1, mention, True):
            return sentence
    if (
        first is mention
        and (absolute := _FR_ABSOLUTE.match(paragraph, mention.phrase_end))
        and (absolute.group("latter") or _AFTER_COMMA.search(left[-4:]))
    ):
        # "..., les États-Unis n’hésitant pas à parler de", "le représentant du Maroc, ce
        # dernier estimant que": a French absolute participle of saying
        return mention.phrase_start
    if not _opens_clause(left, first.shape):
        return None
    if ("ettre" in left or "etter" in left) and _IN_A_LETTER.search(left):
        return None  # "Par l’une de ces lettres, le Représentant permanent de X demandait": a text
    if not _has_predicate(paragraph, mention, predicates):
        return None
    subordinate = EN_SUBORDINATE.search(left) if _may_end_subordinate(left) else None
    if subordinate and left.strip(" ,;:x") != subordinate.group().strip(" ,;:"):
        word = subordinate.group("strong") or subordinate.group("word")
        if subordinate.group("strong") or word in _JOINING:
            group = "strong" if subordinate.group("strong") else "word"
            return first.phrase_start - len(left) + subordinate.start(group)
    return sentence


# A few words that open a sentence as its collective subject, and one of them named: "Some,
# such as", "Several delegations, including", "Certains, tel", "D’autres, comme", "Plusieurs
# États, dont".
_EXAMPLE_OF_SUBJECT = re.compile(
    r"(?:^(?:[\w’'-]+,\s+)?(?:[\w’'-]+\s+){0,3}[\w’'-]+|,\s+(?P<after>[Dd][’']autres|[Cc]ertaine?s|"
    r"[Oo]thers|[Ss]ome|(?:[Pp]lusieurs|[Ss]everal|[Mm]any)\s+[\w’'-]+))"
    r",\s+(?:such\s+as|like|including|notably|"
    r"(?:in\s+)?particular(?:ly)?|among\s+them|tel(?:le)?s?(?:\s+que)?|comme|dont|notamment|"
    r"en\s+particulier|parmi\s+(?:eux|elles|lesquel(?:le)?s))\s+(?:the\s+|les?\s+|la\s+|l[’'])?$"
)
_EXAMPLE_WORDS = ("such", "like", "includ", "notabl", "particul", "among", "tel", "comme", "dont",
                  "notamment", "parmi")  # fmt: skip


def _example_of(left: str) -> int | None:
    """Where the collective subject starts when the words before a mention end with it and the
    mention is one of it ("Others, such as ", "..., d’autres, comme l’"); None otherwise."""
    if not holds_any(left[-24:], _EXAMPLE_WORDS):
        return None
    match = _EXAMPLE_OF_SUBJECT.search(left)
    if match is None:
        return None
    return match.start("after") if match.group("after") else match.start()


def _has_example_predicate(paragraph: str, mention: Mention, predicates: _Predicates) -> bool:
    """Say whether the example (or the list it ends) closes with a comma and the collective
    subject's verb of saying: "Certains, tel le Qatar, ont relevé", also after for whom it
    spoke ("Some, including Libya’s representative who spoke also for the Arab Group, called")."""
    end = mention.phrase_end
    if not paragraph.startswith(",", end):
        aside = _EXAMPLE_ASIDE.match(paragraph, end)
        if aside is None:
            return False
        end = aside.end()
    return _predicate_at(predicates, end + 1, mention)


# What an example may say before the comma that ends it: for whom, or where it sits.
_EXAMPLE_ASIDE = re.compile(
    r"\s+(?:who|qui|au\s+nom|on\s+behalf|speaking|s[’']exprimant|\()[^,.;:]{0,100}(?=,)"
)


def _window(paragraph: str, sentence: int, end: int, size: int) -> str:
    """The words before `end` in its sentence, at most `size` characters: a cut window starts
    with "x" so that a pattern's "^" (the sentence start) cannot match there."""
    if end - sentence <= size:
        return paragraph[sentence:end]
    return "x" + paragraph[end - size + 1 : end]


_JOINING = frozenset(("but", "yet", "mais"))
_WHOSE_ROLE = re.compile(
    r",?\s+whose\s+(?:(?:[Pp]ermanent|[Dd]eputy)\s+)?(?:representative|delegate|delegation|speaker|"
    r"Minister|Ambassador)\s"
)
# A letter's author asks in writing, not in the meeting ("In a letter dated ..., the delegate").
_IN_A_LETTER = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Pp]ar|[Dd]ans)\s+(?:[\w’']+\s+){0,4}?(?:letters?|lettres?)\b"
)


def _opens_clause(left: str, shape: str) -> bool:
    """Say whether the words before a subject leave it at the start of a clause."""
    if not left.strip() or CLAUSE_OPEN.search(left[-8:]):
        return True
    if shape == "role" and _AND.search(left[-6:]):  # "... et le représentant de l’Irlande a"
        return True
    words = left.rstrip(" ,").rsplit(None, 1)
    if not words or words[-1].lower() not in _SUBORDINATE_ENDS:
        return False  # cheap: a subordinating word ends the words before the subject
    return bool(EN_SUBORDINATE.search(left[-32:]))


def _may_end_subordinate(left: str) -> bool:
    """Say whether words end with a subordinating word, maybe a comma and spaces (what
    EN_SUBORDINATE needs); plain string tests spare the pattern on most windows."""
    if holds_any(left, CASE_ODDITIES):
        return True
    words = left.rstrip()
    words = (words[:-1] if words.endswith(",") else words).lower()
    return words.endswith(_SUBORDINATE_LAST)


_SUBORDINATE_ENDS = word_set(
    "and but yet then also similarly likewise meanwhile further moreover however that et mais puis "
    "ensuite enfin même aussi while whereas although though whilst que si quoi lorsque quand "
    "puisque car"
)


_SUBORDINATE_LAST = tuple(_SUBORDINATE_ENDS)
_WAS = re.compile(r"\b(?:was|were)\s+$")
_WITH = re.compile(r"\b[Ww]ith\s+$")
_ING = re.compile(r"\s+(?:also\s+)?(?P<stem>[a-z]+?)e?ing\b")
# A French absolute participle of saying after its subject, maybe "ce dernier" between.
_FR_PARTICIPLES = (
    r"(?:estim|soulign|jug|affirm|rappel|déclar|insist|expliqu|indiqu|considér|regrett|dénonç|"
    r"plaid|appel|demand|not|observ|ajout|assur|qualifi|réclam|exig|craign|déplor|salu|invoqu|"
    r"fais(?=ant\s+(?:valoir|observer|remarquer|savoir))|mett(?=ant\s+(?:en\s+garde|l[’']accent)))ant"
)
_FR_ABSOLUTE = re.compile(
    r"(?P<latter>,\s+(?:ce\s+dernier|cette\s+dernière))?\s+"
    r"(?:pour\s+sa\s+part\s+|quant\s+à\s+(?:lui|elle)\s+)?"
    rf"(?:{_FR_PARTICIPLES}|n[’']hésitant\s+pas\s+à\s+(?:parler|dire|qualifier|dénoncer|évoquer))\b"
)
_AFTER_COMMA = re.compile(r"[,;]\s*(?:(?:les?|la|l[’'])\s*)?$")
_INCLUDING = re.compile(r"\b(?:including|among\s+them|notamment|dont)\s+$")
_AND = re.compile(r"\s(?:et|and)\s+$")


def _may_include(tail: str) -> bool:
    """Say whether a window ends with "including", "among them", "notamment" or "dont"."""
    return holds_any(tail, ("including", "among", "notamment", "dont")) and bool(
        _INCLUDING.search(tail)
    )


def _has_predicate(paragraph: str, mention: Mention, predicates: _Predicates) -> bool:
    """Say whether a reporting predicate follows the subject, maybe after a clause in commas."""
    end = mention.phrase_end
    if mention.shape == "bare" and _DATELINE.match(paragraph, end):
        return False  # "Paris, le 29 avril -- ...": a dateline, not a subject
    if mention.shape == "role" and paragraph.startswith(" ", end):
        posted = _POSTED_AT.match(paragraph, end)  # "Observateur de la Palestine à l’UNESCO,"
        end = posted.end() if posted else end
    among = _AMONG_OTHERS.match(paragraph, end)  # "le Soudan notamment, ont déploré"
    end = among.end() if among else end
    if _predicate_at(predicates, end, mention):
        return True
    who = WHO.match(paragraph, end)
    if who and mention.shape != "bare" and _predicate_at(predicates, who.end() - 1, mention, True):
        return True
    behalf = _SPOKE_FOR.match(paragraph, end) if mention.shape == "role" else None
    if behalf and _predicate_after_words(paragraph, behalf.end(), mention, predicates):
        return True  # "La délégation de la Barbade qui s’exprimait au nom de la CARICOM a estimé"
    relative = mention.shape != "name" and _RELATIVE.match(paragraph, end)
    if not (paragraph.startswith((",", " ("), end) or relative):
        return False  # a clause between commas, a bracket, or "X dont le rôle ..., a"
    if paragraph.startswith(",", end) and _predicate_at(predicates, end + 1, mention):
        # a stray comma: "NAME (Country), a évoqué"; "l’Uruguay, la Bolivie et la Suède,
        # rappelaient" ("in Abuja, Nigeria, endorsed" is a place: alone, a delegation needs the
        # French verb)
        return mention.shape != "bare" or bool(FR_PREDICATE.match(paragraph, end + 1))
    stop = _clause_limit(paragraph, end)
    for comma in COMMA.finditer(paragraph, end + 1, stop):
        if _predicate_at(predicates, comma.end() - 1, mention):
            return True
    return False


_AMONG_OTHERS = re.compile(r"\s+(?:notamment|entre\s+autres|among\s+others|in\s+particular)(?=,)")
# For whom a delegate spoke, without commas around it.
_SPOKE_FOR = re.compile(
    r"\s+(?:qui\s+(?:s[’']exprimait|parlait|intervenait)|s[’']exprimant|speaking|who\s+spoke)\s+"
    r"(?:(?:au\s+nom\s+|également\s+au\s+nom\s+)(?:de\s+la|de\s+l[’']|du|des|de|d[’'])|"
    r"(?:also\s+)?on\s+behalf\s+of|for)\s*"
)
_WORD_GAP = re.compile(r"\s+")


def _predicate_after_words(
    paragraph: str, start: int, mention: Mention, predicates: _Predicates
) -> bool:
    """Say whether a reporting predicate follows a few words (a group's name) after `start`,
    before any comma or stop."""
    stop = start + 90
    for gap in _WORD_GAP.finditer(paragraph, start, stop):
        if any(mark in paragraph[start : gap.start()] for mark in ",.;:"):
            return False
        if _predicate_at(predicates, gap.start(), mention):
            return True
    return False


# The post a role is held at, then the comma before its verb (POSTED_AT in clauses.py).
_POSTED_AT = re.compile(POSTED_AT + r"(?=\s*,)")
# A relative clause after a subject, closed by a comma: "le Mexique dont le rôle ... souligné,".
_RELATIVE = re.compile(r"\s+(?:dont|whose)\s")
# A dateline after a place: "Paris, le 29 avril --", "GENEVA, 12 March (UN Information Service) --".
_DATELINE = re.compile(
    r",?\s+(?:le\s+)?\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)


def _clause_limit(paragraph: str, end: int) -> int:
    """Where a clause between commas must have ended: the sentence's end, a semicolon (the next
    item of a list), or a bound."""
    limit = min(len(paragraph), end + MAX_APPOSITION)
    stop = SENTENCE_BREAK.search(paragraph, end, limit)
    limit = stop.start() if stop else limit
    semicolon = paragraph.find(";", end, limit)
    return semicolon if semicolon >= 0 else limit


_LOWER_AHEAD = re.compile(r"\s*[a-zéèêàâîôûç]")


class _Predicates:
    """The predicate read at each position of one paragraph, each read once: the clause after
    a subject is tried for every mention before it, at the same commas."""

    def __init__(self, paragraph: str) -> None:
        self.paragraph = paragraph
        self._read: dict[int, tuple[bool, str | None, bool]] = {}

    def at(self, position: int) -> tuple[bool, str | None, bool]:
        """(a French predicate of saying, the English finite verb, whether "had" opens it)."""
        read = self._read.get(position)
        if read is None:
            read = self._read[position] = _read_predicate(self.paragraph, position)
        return read


def _read_predicate(paragraph: str, position: int) -> tuple[bool, str | None, bool]:
    """Read the predicate that starts at `position`, whoever its subject."""
    if not _LOWER_AHEAD.match(paragraph, position):
        return False, None, False  # both predicates start with a lower-case word: a cheap test
    french = FR_PREDICATE.match(paragraph, position)
    if french:
        verb = french.group("pp") or french.group("pp2") or french.group("refl")
        spoken = spoken_in_french(french)
        if verb in _ACTS and _bare_act(paragraph, french.end()):
            return False, None, False
        if spoken or (verb and verb not in FR_NOT_SAYING):
            return True, None, False
    english = EN_PREDICATE.match(paragraph, position)
    if not english:
        return False, None, False
    verb = english.group("verb")
    if verb in _BE and _EN_STANCE.match(paragraph, english.start("verb")):
        return False, _STANCE, False  # "Syria was surprised that", "was of the view that"
    if verb in EN_NOT_VERBS or verb in EN_NOT_SAYING:
        return False, None, False
    if verb in _ACTS and _bare_act(paragraph, english.end()):
        return False, None, False
    return False, verb, english.group().lstrip().startswith("had ")


# A speaker's stance, told with "to be": "Syria was surprised that", "was deeply concerned about",
# "were of the view that". It reports what was said as a verb of saying does.
_BE = frozenset(("was", "were", "is", "are"))
_EN_STANCE = re.compile(
    r"(?:was|were|is|are)\s+(?:(?:also|deeply|very|particularly|gravely|greatly|seriously|"
    r"extremely|most|fully|firmly|not)\s+)*(?:concerned|surprised|pleased|disappointed|convinced|"
    r"alarmed|troubled|encouraged|grateful|gratified|confident|worried|dismayed|satisfied|"
    r"of\s+the\s+(?:view|opinion))\b"
)
_STANCE = "stated"


# Verbs that report a procedural act: a statement only when words are reported with it.
_ACTS = frozenset(("mis", "opposé", "exercé", "présenté", "exercised", "introduced", "presented"))
# The act's object: a veto, the right of reply, a draft or text.
_ACT_OBJECT = re.compile(
    r"\s+(?:[^,.;:«“\"]{0,60}?\s)?(?:(?:son|leur)\s+veto\b|(?:son|leur|its|his|her|their|the)\s+"
    r"(?:droit\s+de\s+réponse|right\s+of\s+reply)|(?:the|a|an|its|le|un|son|leur)\s+(?:[\w-]+\s+)?"
    r"(?:draft|text|amendment|projet|texte|amendement)s?\b)"
)
# What reports words after the act: a participle, "pour" and a verb, "que", a colon or a quotation.
_ACT_WORDS = re.compile(
    r"\b(?:saying|stating|noting|stressing|explaining|adding|emphasizing|expressing|that|en\s+\w+ant|"
    r"pour\s+(?:\w+er|dire|\w+ir|\w+re)|que|qu[’']|said|says|added|stated|"
    r"a\s+(?:dit|déclaré|ajouté|souligné|estimé|affirmé)|to\s+(?:say|express|reject|stress|explain|"
    r"note|protest|deny|respond|condemn|clarify|recall|highlight|underline))\b|[:«“\"]|,\s*\w+(?:ing|ant)\b"
)


# A subject and an act verb opening a sentence: "The representative of Cuba
# introduced the draft resolution.", "la Fédération de Russie a exercé son droit de réponse".
_ACT_OPENING = re.compile(
    r"[^.;:]{0,160}?\s(?:(?:a|ont)\s+(?:(?:aussi|également|ensuite|en\s+outre)\s+)?"
    r"(?:mis|opposé|exercé|présenté|(?P<fr_floor>pris\s+la\s+parole|donné\s+(?:leur|son)\s+avis|"
    r"fait\s+(?:une|des)\s+déclarations?))|"
    r"(?:also\s+|then\s+)?(?:exercised|introduced|presented|(?P<en_floor>took\s+the\s+floor|"
    r"gave\s+(?:their|its|his|her)\s+views?|made\s+(?:a\s+|brief\s+)?statements?|addressed\s+"
    r"the\s+(?:[A-Z][\w-]*\s+){0,3}(?:Committee|Council|Assembly|Commission|Conference|Forum|"
    r"Board|meeting|session)))|(?:sont|est)\s+(?:aussi\s+|également\s+)?"
    r"(?P<intervened>intervenue?s?)|(?:se\s+sont|s[’']est)\s+(?:aussi\s+|également\s+)?"
    r"(?P<addressed>adressée?s?\s+(?:à|au|aux))|(?P<request>(?:(?:a|ont)\s+demandé|asked\s+for|called\s+for|"
    r"requested)\s+(?:une?|la|le|a|an|the)\s+(?:(?:courte|brève|short|brief)\s+)?(?:suspension|"
    r"recess|adjournment|ajournement|vote|recorded\s+vote|mise\s+aux\s+voix)))\b"
)
# One of these is in every verb _ACT_OPENING reads.
_ACT_HINTS = (
    "mis ",
    "opposé",
    "exercé",
    "présenté",
    "parole",
    "avis",
    "exercised",
    "introduced",
    "presented",
    "floor",
    "gave",
    "intervenu",
    "déclaration",
    "adressé",
    "statement",
    "addressed",
    "demandé",
    "asked for",
    "called for",
    "requested",
)
# The acts of taking the floor, which report no words unless the sentence goes on with them.
_FLOOR_GROUPS = ("fr_floor", "en_floor", "intervened", "addressed", "request")
# After taking the floor, the sentence ends or goes on with the occasion, not with words.
_FLOOR_END = re.compile(r"[^«“\":]{0,120}?(?:\.|$)")


def in_a_letter(paragraph: str, start: int) -> bool:
    """Say whether the sentence at `start` opens on a letter ("In a letter dated ..., the
    representative of X asked"): its author writes, and does not speak in the meeting."""
    head = paragraph[start : start + 80]
    return ("ettre" in head or "etter" in head) and bool(_IN_A_LETTER.match(paragraph, start))


def bare_act(paragraph: str, start: int) -> bool:
    """Say whether the sentence at `start` only reports an act of its subject (a veto, a right
    of reply, a draft introduced) and no words: whoever found the subject, it is no statement."""
    head = paragraph[start : start + 200]
    if not holds_any(head, _ACT_HINTS):
        return False  # plain substring tests spare the pattern, which tries many positions
    opening = _ACT_OPENING.match(paragraph, start)
    if opening is None or _ACT_WORDS.search(opening.group()):
        return False  # "“...,” said Canada’s representative as he introduced the text": words
    if any(opening.group(g) for g in _FLOOR_GROUPS):
        # "Les représentants de X et de Y ont pris la parole.": a list of speakers, no words
        rest = _FLOOR_END.match(paragraph, opening.end())
        return rest is not None and not _ACT_WORDS.search(rest.group())
    return _bare_act(paragraph, opening.end())


def _bare_act(paragraph: str, end: int) -> bool:
    """Say whether a procedural act ("a mis son veto", "exercised its right of reply",
    "introduced the draft resolution.") reports no words before its sentence ends."""
    act = _ACT_OBJECT.match(paragraph, end)
    if act is None:
        return False
    stop = SENTENCE_BREAK.search(paragraph, act.end())
    rest = paragraph[act.end() : stop.start() if stop else len(paragraph)]
    return "veto" in act.group() or not _ACT_WORDS.search(rest)


def _predicate_at(
    predicates: _Predicates, position: int, mention: Mention, relative: bool = False
) -> bool:
    """Say whether a reporting predicate starts at `position`."""
    french, verb, had = predicates.at(position)
    if french:
        return mention.shape != "bare" or _fr_subject_ok(mention)
    if verb is None:
        return False
    if mention.shape != "bare" or relative:
        return verb.endswith("ed") or reports(verb)
    # a delegation alone: a verb of saying, and not a story told in the past perfect ("Argentina
    # and the United Kingdom had agreed in 1989")
    return reports(verb) and not had


def _fr_subject_ok(mention: Mention) -> bool:
    """A delegation alone as a French subject: a State or a group, not a programme or an office."""
    return mention.found.ref.kind in STATE_KINDS | {"group", "igo"}


_LOWER_END = re.compile(r"[a-zéèêëîïôûç],?\s+(?:(?:the|its|les?|la)\s+|l[’'])?$")


_OBJECT_VERB = re.compile(r"\b(?:urged|asked|told)\b")


def _inverted(
    paragraph: str, sentence: int, mention: Mention, language: str | None = None
) -> int | None:
    """Return the sentence start when the mention is the subject of an inverted verb."""
    if mention.shape == "name" or mention.metonym:
        return None
    if not AFTER_INVERTED.match(paragraph, mention.phrase_end):
        return None
    if not _LOWER_END.search(paragraph, max(0, mention.phrase_start - 12), mention.phrase_start):
        return None  # an inverted verb ends the words before the subject
    left = _window(paragraph, sentence, mention.phrase_start, 120)
    french = FR_INVERTED.search(left) if language != "en" else None
    if french and french.group("pp") in FR_NOT_SAYING:
        french = None
    present = FR_PRESENT_INVERTED.search(left) if language != "en" else None
    english = EN_INVERTED.search(left) if language != "fr" else None
    if english and mention.shape == "bare" and _OBJECT_VERB.search(english.group()):
        english = None  # "..., urged the United Kingdom and Spain to": an object, not a speaker
    if not (french or present or english):
        return None
    if mention.shape == "bare" and mention.found.ref.kind not in STATE_KINDS | {"group", "igo"}:
        return None
    return sentence


# "Pour le Brésil, ...", "Selon le représentant du Mexique, ...", "For Peru, ...": a view held.
_OPINION = re.compile(
    r"(?:^|[,;]\s*|\s(?=à\s+l[’']instar)|\b(?P<sub>alors\s+que|tandis\s+que|while|whereas)\s+)"
    r"(?:[Pp]our|[Ss]elon|[Dd][’']après|(?:[Aa]ux\s+yeux|[Dd]e\s+l[’']avis|à\s+l[’']instar)\s+"
    r"d(?:e|u|es)|[Ii]n\s+the\s+view\s+of|"
    r"[Aa]ccording\s+to)\s+(?:les\s+|le\s+|la\s+|l[’']|the\s+)?$"
)
# "… a été jugée inquiétante par le Liechtenstein", "a view shared by the representative of X".
_AGENT = re.compile(
    r"\b(?:partagée?s?|jugée?s?|qualifiée?s?|dénoncée?s?|critiquée?s?|"
    r"saluée?s?|défendue?s?|rejetée?s?|contestée?s?|réclamée?s?|exigée?s?|demandée?s?|"
    r"regrettée?s?|déplorée?s?|condamnée?s?|relevée?s?|soulignée?s?|évoquée?s?|exprimée?s?|"
    r"posée?s?|passée?s?|formulée?s?|avancée?s?|soulevée?s?|"
    r"shared|echoed|rejected|questioned|criticized|criticised|voiced|"
    r"expressed|stressed|emphasized|underscored|welcomed|raised|disputed|challenged"
    # support is a view when a person gives it ("soutenue par le représentant de"), not a State
    # ("le mouvement soutenu par l’Iran")
    r"|(?P<support>soutenue?s?|appuyée?s?|supported|endorsed))"
    r"(?:\s+(?!(?:the|a|an|le|la|les|un|une|des|du|this|that|its|their|his|her)\b)"
    r"[^\s,.;:]+){0,5}?(?:\s*,[^,.;:]{1,40},)?\s+(?:par|by)\s+(?:les\s+|le\s+|la\s+|l[’']|the\s+)?$"
)
_OPINION_KINDS = STATE_KINDS | {"igo"}
# One of these is in every phrase _OPINION reads: plain tests spare the pattern on most windows.
_OPINION_WORDS = ("our", "elon", "après", "yeux", "avis", "instar", "view", "ccording")


def _held_by(paragraph: str, sentence: int, mention: Mention) -> int | None:
    """Return the sentence start when a view is said to be the mention's ("Pour le Brésil, ...")."""
    if mention.shape == "name" or mention.metonym:
        return None
    if mention.shape == "bare" and mention.found.ref.kind not in _OPINION_KINDS:
        return None
    left = _window(paragraph, sentence, mention.phrase_start, 60)
    opinion = _OPINION.search(left) if holds_any(left, _OPINION_WORDS) else None
    if opinion:
        sub = opinion.group("sub")
        return mention.phrase_start - len(left) + opinion.start("sub") if sub else sentence
    if "qui" in paragraph[mention.phrase_end : mention.phrase_end + 12] and _FOR_WHOM.match(
        paragraph, mention.phrase_end
    ):
        return sentence  # "Même ton de l’Albanie pour qui, « ... »": a view held
    after = AFTER_INVERTED.match(paragraph, mention.phrase_end)
    if not (after or _AND_OTHERS.match(paragraph, mention.phrase_end)):
        return None  # "par l’Union européenne et d’autres délégations" names an agent too
    if _AGENT_END.search(left[-14:]):
        agent = _AGENT.search(_window(paragraph, sentence, mention.phrase_start, 160))
        if agent and (mention.shape == "role" or not agent.group("support")):
            return sentence
    return None


_AND_OTHERS = re.compile(
    r"\s+(?:et|and)\s+(?:[\w’'-]+\s+){0,3}?(?:d[’']autres|other|others|several|plusieurs)\b"
)
_FOR_WHOM = re.compile(r",?\s+pour\s+qui\b")
_AGENT_END = re.compile(r"\b(?:par|by)\s+(?:les\s+|le\s+|la\s+|l[’']|the\s+)?$")


def _sentence_starts(paragraph: str) -> list[int]:
    """Offsets where sentences start."""
    return [0] + [m.end() for m in SENTENCE_BREAK.finditer(paragraph)]


def _sentence_of(starts: list[int], position: int) -> int:
    """The start of the sentence holding `position`."""
    best = 0
    for start in starts:
        if start > position:
            break
        best = start
    return best


def _attribution(start: int, mention: Mention) -> Attribution:
    """Build the attribution of a reported speaker."""
    found = mention.found
    hint = "briefing" if mention.title and presiding(mention.title) else None
    if found.ref.kind == "un_entity":
        hint = "briefing"
    return Attribution(
        start=start,
        speaker=mention.speaker,
        label=found.label,
        ref=found.ref,
        title=mention.title,
        on_behalf_of=None,
        aligned_with=None,
        kind_hint=hint,
        named=mention.speaker is not None,
    )
