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
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from statements.parsing.delegations import FoundLabel, label_at
from statements.parsing.demonyms import english_demonyms, french_demonyms
from statements.parsing.speakers import Attribution, name_style, presiding
from statements.reference import STATE_KINDS, delegation_by_code, load_delegations, normalize_name

# English verbs of saying, asking, judging and proposing (stems; past and present forms derived).
_EN_STEMS = (
    "say speak acknowledg accept accus add address advocat affirm agree align announc appeal applaud argu "
    "ask assert associat assur believ blam brief call caution challeng characteriz charg cit "
    "claim clarifi comment commend complain conced conclud condemn confirm congratulat consider "
    "contend continu contest counter criticiz criticis declar decri defend deni deplor describ "
    "detail disagre dismiss disput echo emphasiz emphasis encourag endors explain express favour "
    "hail highlight hop implor indicat inform insist introduc invit lament list mention "
    "not object observ offer outlin plead pledg point prais present press proclaim promis "
    "propos protest question rais reaffirm recall recogniz recommend recount referr regrett "
    "reiterat reject remark remind repli report reproach request respond reveal reviewed "
    "saw shar signal stat stress submitt suggest summariz support thank underlin underscor "
    "urg voic vow want warn welcom wish wonder"
).split()
_EN_IRREGULAR = frozenset(
    "said says told tells spoke speaks felt feels thought thinks held holds gave gives made makes "
    "took takes sought seeks drew draws put puts went goes began begins saw sees called calls "
    "expressed expresses focused focuses turned turns opened opens closed closes".split()
)
_EN_AUX = r"(?:(?:had|has|have|would|will|also|further|then|however|later|again|too|then|"
_EN_AUX += r"similarly|likewise|subsequently|meanwhile|moreover|nevertheless|first|finally|"
_EN_AUX += r"strongly|firmly|repeatedly|specifically|particularly|notably|briefly),?\s+)*"
_EN_PREDICATE = re.compile(rf"\s*{_EN_AUX}(?P<verb>[a-z]+)\b")
_EN_NOT_VERBS = frozenset(
    "had has have was were is are be been being would could should might must may can cannot "
    "did does do will shall and or to of in on at by for with who whose whom that which as "
    "also not nor than the a an its their his her delegation delegations representative "
    "representatives government country countries".split()
)
# Finite verbs that report an act, not words: "the Japanese delegation abstained".
_EN_NOT_SAYING = frozenset(
    "abstained voted left walked withdrew signed ratified sponsored co-sponsored elected joined "
    "received obtained won lost hosted chaired presided sent deployed contributed paid".split()
)
_ROLE_EN = (
    r"(?:[Rr]epresentatives?|[Dd]elegates?|[Ss]peakers?|[Oo]bservers?|[Dd]elegations?|[Ee]nvoy|"
    r"Ambassador|[Cc]ounterpart|Chargé\s+d[’']affaires|Head\s+of\s+(?:State|Government|Delegation)|"
    r"(?:Vice[-\s])?President|(?:Deputy\s+|Vice[-\s])?Prime\s+Minister|(?:Foreign\s+)?Minister|"
    r"Secretary\s+of\s+State|Chancellor|King|Queen|Emir|Amir|Crown\s+Prince|Sultan|Premier|"
    r"[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|Taoiseach|"
    r"(?:[A-Z][\w-]+\s+){0,3}(?:Director|Secretary|Commissioner|Adviser|Head|Chief|Governor|"
    r"Coordinator|Attorney|Justice|Judge|Mayor|Senator|Member|Minister))"
)
_TITLE_WORDS = r"(?:\s+(?:[A-Z][\w’'.-]*|and|for|of|on|the|in|to|de|da|del|al|el))*?"
# "the representative of", "the Prime Minister of the", "President Jane Doe of", "Foreign Minister
# for Planning and Development of".
_EN_ROLE_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+|\b[Ii]ts\s+|\b[Hh]is\s+|\b[Hh]er\s+|\b[Tt]heir\s+|^|(?<=\s))"
    rf"(?:(?:[Nn]ew|[Oo]utgoing|[Pp]ermanent|[Dd]eputy|[Aa]cting|[Ss]enior|[Aa]lternate)\s+)*"
    rf"{_ROLE_EN}{_TITLE_WORDS}\s+(?:of|from|for)\s+(?:the\s+)?$"
)
_EN_ROLE_AFTER = re.compile(
    rf"(?:’|')s\s+(?:[\w-]+\s+){{0,2}}?{_ROLE_EN}\b"
    rf"|\s+{_ROLE_EN}\b"
)
_FR_ROLE = (
    r"(?:représentante?s?|déléguée?s?|délégations?|observat(?:eur|rice)s?|[Aa]mbassadeur|"
    r"[Aa]mbassadrice|porte-parole|[Cc]hef\s+(?:de\s+l[’']État|du\s+Gouvernement|de\s+la\s+"
    r"délégation)|(?:[Vv]ice-)?[Pp]résidente?|[Pp]remier\s+[Mm]inistre|[Mm]inistre|"
    r"[Ss]ecrétaire\s+d[’']État|[Rr]oi|[Rr]eine|[Éé]mir|[Cc]hancelière?)"
)
_FR_ROLE_BEFORE = re.compile(
    rf"(?:\b(?:[Ll]es?|[Ll]a|[Ss]on|[Ss]a|[Ll]eur)\s+|(?<=,\s))(?:(?:nouvel(?:le)?|[Pp]ermanente?|"
    rf"[Aa]djointe?)\s+)*{_FR_ROLE}(?:\s+[\w’'-]+){{0,8}}?\s+"
    r"(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])$"
)
_FR_ARTICLE_BEFORE = re.compile(r"(?:\b[Ll]es\s+|\b[Ll]es?\s+|\b[Ll]a\s+|\b[Ll][’']|^|(?<=\s))$")
_EN_ARTICLE_BEFORE = re.compile(r"(?:\b[Tt]he\s+|^|(?<=\s)|(?<=“)|(?<=\"))$")
# "Jane Doe (Peru)", "JANE DOE, (Peru)": a person with the delegation in brackets.
_NAME_BEFORE = re.compile(
    r"(?P<name>(?:[A-Z][\w’'.-]*\s+){1,5}[A-Z][\w’'.-]*)(?:,\s*(?:Jr|Sr)\.?)?,?\s*\($"
)
_BRACKET_CLOSE = re.compile(r"\s*\)")
_PP = r"[a-zéèêëîïôûç-]+(?:é|i|u|is|it|t)e?s?\b"
_FR_PREDICATE = re.compile(
    r"\s*(?:(?:l[’']|les\s+|lui\s+|leur\s+|y\s+|en\s+|n[’']|ne\s+)?"
    r"(?:a|ont|avait|avaient|aurait|auraient)\s+(?:(?:pas|aussi|également|ensuite|notamment|"
    r"enfin|encore|de\s+nouveau|pour\s+sa\s+part|pour\s+leur\s+part|quant\s+à\s+(?:lui|elle|eux)|"
    r"lui\s+aussi|elle\s+aussi|par\s+ailleurs|en\s+outre|toutefois|cependant|d[’']abord|vivement|"
    rf"fermement|clairement|quand\s+même|d[’']emblée|en\s+outre),?\s+)*(?P<pp>{_PP})"
    rf"|(?:a|ont)\s*,\s*[^,.;]{{1,50}},\s+(?P<pp2>{_PP})"
    r"|(?:s[’']est|se\s+sont|s[’']était|s[’']étaient)\s+(?:(?:aussi|également|ensuite|"
    r"notamment|par\s+ailleurs|quant\s+à\s+(?:lui|elle))\s+)*(?P<refl>[a-zéèêëîïôûç-]+)"
    r"|(?P<present>(?:estime|estiment|juge|jugent|souligne|soulignent|rappelle|rappellent|"
    r"déclare|déclarent|insiste|insistent|affirme|affirment|note|notent|regrette|regrettent|"
    r"considère|considèrent|demande|demandent|appelle|appellent|dit|disent|propose|proposent|"
    r"salue|saluent|explique|expliquent|indique|indiquent|plaide|plaident|prévient|préviennent|"
    r"pense|pensent|croit|croient|ajoute|ajoutent|constate|constatent|dénonce|dénoncent|"
    r"condamne|condamnent|réaffirme|réaffirment|exhorte|exhortent|invite|invitent|"
    r"encourage|encouragent|observe|observent|fait\s+valoir|font\s+valoir|se\s+félicite|"
    r"se\s+félicitent|s[’']inquiète|s[’']inquiètent)\b)"
    r"|(?P<imperfect>(?:estim|jug|soulign|rappel|déclar|insist|affirm|not|regrett|considér|"
    r"demand|appel|propos|salu|expliqu|indiqu|plaid|pens|croy|ajout|constat|dénonç|dénonc|"
    r"condamn|réaffirm|exhort|invit|encourag|observ|craign|déplor|prévoy|réclam|exig|"
    r"dis|fais\s+valoir|soutin|soutenai|plaidai)(?:ait|aient)\b)"
    r"|(?:est|sont|s[’']est|se\s+sont)\s+(?:(?:aussi|également|ensuite|notamment|quant\s+à\s+"
    r"(?:lui|elle|eux)),?\s+)*(?P<etre>revenue?s?|exprimée?s?|élevée?s?|"
    r"prononcée?s?|félicitée?s?|inquiétée?s?|opposée?s?|associée?s?|dite?s?)\b)"
)
# Participles that report an act, not words: "le Pérou a été élu", "a ratifié", "a voté".
_FR_NOT_SAYING = frozenset(
    "été eu ratifié signé adhéré voté adopté élu élue reçu accueilli accueille connu subi perdu "
    "envoyé déployé fourni versé contribué participé accédé obtenu occupé annexé envahi "
    "attaqué bombardé lancé mené commis".split()
)
_EN_SUBORDINATE = re.compile(
    r"(?:(?:^|[,;:—–(])\s*(?P<word>and|but|as|when|yet|then|also|similarly|likewise|meanwhile|"
    r"further|moreover|however|adding\s+that|et|mais|puis|ensuite|enfin|de\s+même|aussi)"
    r"|\s(?P<strong>while|whereas|although|though|whilst|alors\s+que|tandis\s+que|"
    r"cependant\s+que|même\s+si))"
    r",?\s*$",
)
_CLAUSE_OPEN = re.compile(r"(?:^|[,;:—–]|[.!?][”\"’)]*)\s*$")
# A sentence ends at a full stop, but not after an initial ("Richard M. Mills") or "Mr.".
_SENTENCE_BREAK = re.compile(
    r"[.!?](?<![\s.][A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bMme\.)(?<!\bJr\.)"
    r"[\"”’)]*\s+(?=[A-Z“\"‘«ÉÀÈÎ])"
)
_WHO = re.compile(r"\s*,\s*(?:who|qui)\s+")
_COMMA = re.compile(r",\s+")
_MAX_APPOSITION = 260
# Inverted: "..., said the representative of Peru", "..., a renchéri le Pérou", "comme l'a
# rappelé le Chili", "..., ont prévenu les Philippines".
_EN_INVERTED = re.compile(
    r"(?:[,—–]|[”\"’])\s*(?:(?:said|says|added|adds|stated|noted|stressed|observed|warned|"
    r"declared|insisted|argued|explained|recalled|asked|urged|concluded|continued|affirmed|"
    r"maintained|cautioned|emphasized|emphasised|underscored|underlined|pointed\s+out|"
    r"told\s+the\s+\w+|replied|responded|countered|remarked|contended|asserted|complained|"
    r"lamented|acknowledged|wondered|suggested|proposed)\s+)(?:(?:the|its)\s+)?$"
)
_FR_ADVERBS = (
    r"(?:aussi|également|ensuite|notamment|encore|alors|enfin|d[’']emblée|aussitôt|immédiatement|"
    r"vivement|fermement|pour\s+sa\s+part|pour\s+leur\s+part|quant\s+à\s+(?:lui|elle|eux)|"
    r"de\s+son\s+côté|de\s+leur\s+côté|à\s+son\s+tour|à\s+leur\s+tour|en\s+outre|"
    r"cependant|toutefois|par\s+ailleurs|lui\s+aussi|elle\s+aussi|de\s+nouveau)"
)
_FR_INVERTED = re.compile(
    r"(?:[,—–»”\"]|\b[Cc]omme|\b[Aa]insi\s+que|\b[Ss]elon\s+ce\s+qu[’']|^)\s*(?:l[’'])?"
    rf"(?:a|ont|avait|avaient|aurait)\s+(?:,?\s*{_FR_ADVERBS},?\s+)*"
    r"(?P<pp>dit|fait\s+valoir|fait\s+observer|fait\s+remarquer|fait\s+savoir|"
    rf"[a-zéèêëîïôûç-]+[éiu]e?s?)\s*(?:,?\s*{_FR_ADVERBS},?\s*)*"
    r"(?:,\s*[^,]{1,40},\s*)?(?:les|le|la|l[’']|)\s*$"
)
_FR_PRESENT_INVERTED = re.compile(
    r"(?:[,—–»”\"]|^)\s*(?:estime|juge|souligne|rappelle|déclare|insiste|affirme|ajoute|"
    r"explique|indique|regrette|prévient|fait\s+valoir|observe|relève|note|plaide|dit|"
    r"demande|constate|dénonce|argue|lance|tranche|renchérit|poursuit|conclut)\s+"
    r"(?:les|le|la|l[’']|)\s*$"
)
_AFTER_INVERTED = re.compile(
    r"\s*(?:[.,;:)»”\"]|$|\s(?:qui|en|dans|pour|lors|après|avant|devant|à|au|aux|auprès|sur|"
    r"who|in|at|before|on|to)\b)"
)


@dataclass(frozen=True)
class _Mention:
    """A delegation named in a paragraph, and the noun phrase around it."""

    found: FoundLabel
    start: int
    phrase_start: int
    phrase_end: int
    shape: str  # "bare", "role", "name"
    speaker: str | None
    title: str | None


_SPEAKING_KINDS = STATE_KINDS | {"group", "igo"}


@cache
def _first_words() -> dict[str, int]:
    """The first word of every name and variant of the speaking delegations (lower case, with and
    without accents) and the most words a name starting with it has: a cheap test that spares
    the full lookup for most capitalized words, and bounds it for the others."""
    words: dict[str, int] = {}
    for ref in load_delegations():
        if ref.kind not in _SPEAKING_KINDS:
            continue
        for label in ref.labels:
            for variant in (label, re.sub(r"^(?:[Tt]he|[Ll]es?|[Ll]a)\s+|^[Ll][’']", "", label)):
                parts = variant.replace("’", "' ").split()
                if parts:
                    first = parts[0].lower().rstrip(",.")
                    for key in (first, _plain(first)):
                        words[key] = max(words.get(key, 0), len(variant.split()) + 1)
    return words


def _plain(word: str) -> str:
    """A word without accents ("états" -> "etats")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# A capitalized word; where it may start is checked apart (a plain pattern scans much faster).
_CANDIDATE = re.compile(r"[A-ZÀ-ÝŒ][\w.-]*")
_POSSESSIVE = re.compile(r"[^,.;:()“”\"]{0,60}?(?=(?:’|')s\b)")


def reported_attributions(paragraph: str) -> list[Attribution]:
    """Every clause whose subject names a delegation and whose predicate reports what it said."""
    found: dict[int, Attribution] = {}
    mentions = _mentions(paragraph)
    if not mentions:
        return []
    starts = _sentence_starts(paragraph)
    coordinated: list[_Mention] = []
    behalf: _Mention | None = None
    last_end = -1
    for mention in mentions:
        if _ON_BEHALF.search(
            paragraph, max(0, mention.phrase_start - 40), mention.phrase_start
        ) or (
            behalf is not None
            and _BEHALF_LIST.fullmatch(paragraph, behalf.phrase_end, mention.phrase_start)
        ):
            behalf = mention  # "au nom du Groupe des 77", "speaking for X, Y and Z": for whom
            continue
        behalf = None
        if coordinated and not _joined(paragraph, coordinated[-1].phrase_end, mention.phrase_start):
            coordinated = []
        sentence = _sentence_of(
            starts, coordinated[0].phrase_start if coordinated else mention.phrase_start
        )
        start = _forward(paragraph, sentence, coordinated[0] if coordinated else mention, mention)
        if start is None:
            start = _inverted(paragraph, sentence, mention)
        if start is None:
            start = _held_by(paragraph, sentence, coordinated[0] if coordinated else mention)
        if start is None:
            coordinated.append(mention)
            continue
        if start <= max(found, default=-1):  # a second speaker in the same sentence
            start = _after(paragraph, last_end)
        if start not in found:
            joint = tuple(_attribution(start, m) for m in coordinated if _joinable(m))
            attribution = _attribution(start, mention)
            if _presides(paragraph, sentence, mention):
                attribution = replace(attribution, kind_hint="briefing")
            found[start] = replace(attribution, joint=joint)
            last_end = mention.phrase_end
        coordinated = []
    return [found[start] for start in sorted(found)]


_ON_BEHALF = re.compile(
    r"(?:\bau\s+nom\s+d(?:u|es|e\s+la|e\s+l[’']|e|[’'])|\bon\s+behalf\s+of|\bspeaking\s+(?:also\s+)?"
    r"for|\bwith\s+the\s+support\s+of)\s*(?:the\s+|l[’']|les?\s+|la\s+)?$"
)
# Between two delegations spoken for: "speaking for Argentina, Mexico and Sierra Leone".
_BEHALF_LIST = re.compile(
    r"\s*(?:,\s*|\s(?:and|et)\s+|,\s*(?:and|et)\s+)(?:the\s+|de\s+la\s+|du\s+|des\s+|"
    r"de\s+l[’']|d[’']|la\s+|les?\s+|l[’'])?"
)
# Between two joint subjects: a comma, "et", "and" or ";", maybe after "on behalf of X".
_COORDINATION = re.compile(
    r"\s*(?:,\s*(?:(?:également|aussi|also)\s+)?(?:au\s+nom|on\s+behalf|speaking\s+for)\b[^;]{0,160}?)?"
    r"\s*(?:,\s*|;\s*|\s(?:et|and)\s+|[,;]\s*(?:et|and)\s+)(?:the\s+|of\s+(?:the\s+)?|"
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


def _joinable(mention: _Mention) -> bool:
    """A joint subject is a State, group or organization (not an office)."""
    return mention.found.ref.kind in _SPEAKING_KINDS


_OFFICE_BEFORE = re.compile(
    r"\b(?:Chair(?:man|woman|person)?|President|Présidente?)\s*,?\s*(?:Mr\.|Ms\.|Mrs\.|M\.|Mme)?\s*$"
)
_NATIONAL = re.compile(r"national\s+capacity|titre\s+national", re.IGNORECASE)


def _presides(paragraph: str, sentence: int, mention: _Mention) -> bool:
    """Say whether a named person is introduced as the presiding officer ("the Chair, NAME (X)")."""
    if mention.shape != "name":
        return False
    stop = _SENTENCE_BREAK.search(paragraph, mention.phrase_end)
    end = min(stop.start() if stop else len(paragraph), mention.phrase_end + 120)
    window = paragraph[max(sentence, mention.phrase_start - 100) : end]
    before = paragraph[max(sentence, mention.phrase_start - 40) : mention.phrase_start]
    return presiding(window) or bool(_OFFICE_BEFORE.search(before) and not _NATIONAL.search(window))


def _after(paragraph: str, end: int) -> int:
    """The first word after a previous speaker's name (and its punctuation)."""
    while end < len(paragraph) and paragraph[end] in ' .,;:”"’»':
        end += 1
    return end


def _mentions(paragraph: str) -> list[_Mention]:
    """The delegations named in a paragraph, by name or by nationality adjective, in order."""
    named = list(_named_mentions(paragraph))
    taken = [(m.phrase_start, m.phrase_end) for m in named]
    adjectives = [
        m for m in _adjective_mentions(paragraph)
        if not any(s < m.phrase_end and m.phrase_start < e for s, e in taken)
    ]  # fmt: skip
    return sorted(named + adjectives, key=lambda m: m.phrase_start)


# "the Israeli delegate", "la délégation suédoise", "le Ministre argentin des affaires étrangères"
_EN_ADJECTIVE = re.compile(
    rf"\b[Tt]he\s+(?P<adj>(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+)\s+(?:[a-z]+\s+)?{_ROLE_EN}\b"
)
_FR_ADJECTIVE = re.compile(
    r"\b(?:[Ll]es?|[Ll]a|[Ll][’']|[Ss]on|[Ss]a)\s*(?:(?:nouvel(?:le)?|[Pp]ermanente?)\s+)?"
    rf"{_FR_ROLE}\s+(?P<adj>[a-zéèêëîïôûç-]+)\b"
    r"(?:\s+(?:des?|du|de\s+la|de\s+l[’']|chargée?\s+d(?:e|es|u))\s+[a-zéèêëîïôûç’'\s-]{1,60}?"
    r"(?=\s+(?:a|ont|s[’']est|se\s+sont)\s))?"
)


def _adjective_mentions(paragraph: str) -> Iterator[_Mention]:
    """Yield delegations named by a nationality adjective beside a role."""
    english, french = english_demonyms(), french_demonyms()
    for start in _EN_THE_CAPITAL.finditer(paragraph):  # cheap scan, then the full pattern
        match = _EN_ADJECTIVE.match(paragraph, start.start())
        if match and match.group("adj") in english:
            yield _adjective_mention(match, english[match.group("adj")])
    if " le " not in paragraph and " la " not in paragraph and " les " not in paragraph:
        return  # not French
    for match in _FR_ADJECTIVE.finditer(paragraph):
        if match.group("adj") in french:
            yield _adjective_mention(match, french[match.group("adj")])


_EN_THE_CAPITAL = re.compile(r"\b[Tt]he\s+(?=[A-Z])")


def _adjective_mention(match: re.Match[str], code: str) -> _Mention:
    """The mention of a delegation named by its adjective."""
    found = FoundLabel(match.group("adj"), delegation_by_code(code), match.end("adj"))
    return _Mention(found, match.start("adj"), match.start(), match.end(), "role", None, None)


def _named_mentions(paragraph: str) -> Iterator[_Mention]:
    """Yield the delegations named in a paragraph with the noun phrase that holds each."""
    words = _first_words()
    position = 0
    for match in _CANDIDATE.finditer(paragraph):
        start = match.start()
        if start < position or not _word_start(paragraph, start):
            continue
        word = match.group().rstrip(".").lower()
        if word not in words and (word.isascii() or _plain(word) not in words):
            continue
        if word in _ARTICLES:
            continue
        found = _label(paragraph, start, words.get(word) or words[_plain(word)])
        if found is None or found.ref.kind not in _SPEAKING_KINDS:
            continue
        yield _phrase(paragraph, start, found, position)
        position = found.end


_ARTICLES = frozenset(("the", "le", "la", "les"))


def _word_start(paragraph: str, start: int) -> bool:
    """Say whether a word starts at `start`: not inside a word, or just after an elision (l’)."""
    if start == 0:
        return True
    previous = paragraph[start - 1]
    if previous in "’'":
        return (
            start >= 2
            and paragraph[start - 2] in "lLdD"
            and not (start >= 3 and paragraph[start - 3].isalnum())
        )
    return not (previous.isalnum() or previous == "-")


def _label(paragraph: str, start: int, max_words: int) -> FoundLabel | None:
    """The delegation named at `start`, also when a possessive ends it ("Peru’s delegate")."""
    possessive = _POSSESSIVE.match(paragraph, start)
    if possessive:
        found = label_at(paragraph[: possessive.end()], start, max_words)
        if found is not None and found.end == possessive.end():
            return found
    return label_at(paragraph, start, max_words)


def _phrase(paragraph: str, start: int, found: FoundLabel, floor: int) -> _Mention:
    """Widen a mention to its noun phrase: a role before or after it, or a person's name."""
    before = paragraph[max(floor, start - 160) : start]
    offset = start - len(before)
    # Cheap tests first: a role ends with "of", "de" ... and names a role word not far before.
    near = before[-100:]
    hinted = _PREPOSITION_END.search(before[-12:]) and _ROLE_HINT.search(near)
    for pattern in (_EN_ROLE_BEFORE, _FR_ROLE_BEFORE) if hinted else ():
        role = pattern.search(near)
        if role:
            title = _title(role.group())
            begin = start - len(near) + role.start()
            return _Mention(found, start, begin, found.end, "role", None, title)
    close = _BRACKET_CLOSE.match(paragraph, found.end)
    name = _NAME_BEFORE.search(before) if close and before.rstrip().endswith("(") else None
    if name and close and name_style(name.group("name")):
        begin = offset + name.start()
        return _Mention(found, start, begin, close.end(), "name", name.group("name"), None)
    after = _EN_ROLE_AFTER.match(paragraph, found.end)
    if after:
        begin = offset + _article_start(before)
        return _Mention(found, start, begin, after.end(), "role", None, None)
    begin = offset + _article_start(before)
    return _Mention(found, start, begin, found.end, "bare", None, None)


_ROLE_HINT = re.compile(
    r"representative|delegat|speaker|observ|envoy|ambassad|counterpart|chargé|head|president|"
    r"minister|secretary|chancellor|king|queen|emir|amir|prince|sultan|premier|spokes|taoiseach|"
    r"director|commissioner|adviser|chief|governor|coordinator|attorney|justice|judge|mayor|"
    r"senator|member|représentant|délégu|délégat|porte-parole|résident|ministre|chef|secrétaire|roi|"
    r"reine|émir|chancel",
    re.IGNORECASE,
)
_PREPOSITION_END = re.compile(r"(?:\b(?:of|from|for|the|de|du|des|la)\s+|[’'])$")


def _article_start(before: str) -> int:
    """Where an article just before a name starts ("the", "le", "l’"), else the name's start."""
    tail = before[-8:]
    starts = [
        m.start() for m in (_FR_ARTICLE_BEFORE.search(tail), _EN_ARTICLE_BEFORE.search(tail)) if m
    ]
    return len(before) - len(tail) + min(starts, default=len(tail))


def _title(role: str) -> str | None:
    """Return a title worth keeping ("Prime Minister"), not a plain "representative"."""
    words = re.sub(
        r"^(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Ll]es?|[Ll]a|[Ss]on|[Ss]a)\s+", "", role
    )
    words = re.sub(
        r"\s+(?:of|from|for|de\s+la|de\s+l[’']|du|des|de|d[’'])\s*(?:the\s+)?$", "", words
    )
    plain = re.fullmatch(
        r"(?:[Rr]epresentative|[Dd]elegate|[Ss]peaker|[Dd]elegation|[Cc]ounterpart|"
        r"représentante?|déléguée?|délégation)s?",
        words.strip(),
    )
    return None if plain or not words.strip() else words.strip()


def _forward(paragraph: str, sentence: int, first: _Mention, mention: _Mention) -> int | None:
    """Return where the clause starts when the mention (or the list it ends) is a subject."""
    left = _window(paragraph, sentence, first.phrase_start, 60)
    tail = left[-24:]
    if _WITH.search(tail) and first is mention and mention.shape != "name":
        ing = _ING.match(paragraph, mention.phrase_end)  # "..., with Colombia’s delegate stating"
        return mention.phrase_start if ing and _stem(ing.group("stem")) else None
    if _WAS.search(tail) and first is mention and mention.shape == "role":
        who = _WHO.match(paragraph, mention.phrase_end)  # "Also questioning it was X, who"
        return sentence if who and _predicate_at(paragraph, who.end() - 1, mention, True) else None
    if _INCLUDING.search(tail) and first is mention and mention.shape == "role":
        who = _WHO.match(paragraph, mention.phrase_end)  # "..., including the delegate of X, who"
        if who and _predicate_at(paragraph, who.end() - 1, mention, True):
            return mention.phrase_start
        return None
    if not _opens_clause(left, first.shape):
        return None
    if not _has_predicate(paragraph, mention):
        return None
    subordinate = _EN_SUBORDINATE.search(left)
    if subordinate and left.strip(" ,;:x") != subordinate.group().strip(" ,;:"):
        word = subordinate.group("strong") or subordinate.group("word")
        if subordinate.group("strong") or word in _JOINING:
            group = "strong" if subordinate.group("strong") else "word"
            return first.phrase_start - len(left) + subordinate.start(group)
    return sentence


def _window(paragraph: str, sentence: int, end: int, size: int) -> str:
    """The words before `end` in its sentence, at most `size` characters: a cut window starts
    with "x" so that a pattern's "^" (the sentence start) cannot match there."""
    if end - sentence <= size:
        return paragraph[sentence:end]
    return "x" + paragraph[end - size + 1 : end]


_JOINING = frozenset(("but", "yet", "mais"))


def _opens_clause(left: str, shape: str) -> bool:
    """Say whether the words before a subject leave it at the start of a clause."""
    if not left.strip() or _CLAUSE_OPEN.search(left[-8:]):
        return True
    if shape == "role" and _AND.search(left[-6:]):  # "... et le représentant de l’Irlande a"
        return True
    return bool(_EN_SUBORDINATE.search(left[-32:]))


_WAS = re.compile(r"\b(?:was|were)\s+$")
_WITH = re.compile(r"\b[Ww]ith\s+$")
_ING = re.compile(r"\s+(?:also\s+)?(?P<stem>[a-z]+?)e?ing\b")
_INCLUDING = re.compile(r"\b(?:including|among\s+them|notamment|dont)\s+$")
_AND = re.compile(r"\s(?:et|and)\s+$")


def _has_predicate(paragraph: str, mention: _Mention) -> bool:
    """Say whether a reporting predicate follows the subject, maybe after a clause in commas."""
    end = mention.phrase_end
    if _predicate_at(paragraph, end, mention):
        return True
    who = _WHO.match(paragraph, end)
    if who and mention.shape != "bare" and _predicate_at(paragraph, who.end() - 1, mention, True):
        return True
    if not paragraph.startswith(",", end) and not paragraph.startswith(" (", end):
        return False
    if paragraph.startswith(",", end) and _predicate_at(paragraph, end + 1, mention):
        # a stray comma: "NAME (Country), a évoqué"; "l’Uruguay, la Bolivie et la Suède, rappelaient"
        # ("in Abuja, Nigeria, endorsed" is a place: a delegation alone needs the French verb)
        return mention.shape != "bare" or bool(_FR_PREDICATE.match(paragraph, end + 1))
    stop = _clause_limit(paragraph, end)
    for comma in _COMMA.finditer(paragraph, end + 1, stop):
        if _predicate_at(paragraph, comma.end() - 1, mention):
            return True
    return False


def _clause_limit(paragraph: str, end: int) -> int:
    """Where a clause between commas must have ended: the sentence's end, or a bound."""
    limit = min(len(paragraph), end + _MAX_APPOSITION)
    stop = _SENTENCE_BREAK.search(paragraph, end, limit)
    return stop.start() if stop else limit


def _predicate_at(paragraph: str, position: int, mention: _Mention, relative: bool = False) -> bool:
    """Say whether a reporting predicate starts at `position`."""
    french = _FR_PREDICATE.match(paragraph, position)
    if french:
        verb = french.group("pp") or french.group("pp2") or french.group("refl")
        spoken = french.group("present") or french.group("imperfect") or french.group("etre")
        if spoken or (verb and verb not in _FR_NOT_SAYING):
            return mention.shape != "bare" or _fr_subject_ok(mention)
    english = _EN_PREDICATE.match(paragraph, position)
    if not english:
        return False
    verb = english.group("verb")
    if verb in _EN_NOT_VERBS or verb in _EN_NOT_SAYING:
        return False
    if mention.shape != "bare" or relative:
        return verb.endswith("ed") or _reports(verb)
    return _reports(verb)


def french_report_at(paragraph: str, position: int) -> bool:
    """Say whether a French predicate of saying starts at `position` ("a souligné", "estime")."""
    french = _FR_PREDICATE.match(paragraph, position)
    if not french:
        return False
    verb = french.group("pp") or french.group("pp2") or french.group("refl")
    if french.group("present") or french.group("imperfect") or french.group("etre"):
        return True
    return verb is not None and verb not in _FR_NOT_SAYING


def _fr_subject_ok(mention: _Mention) -> bool:
    """A delegation alone as a French subject: a State or a group, not a programme or an office."""
    return mention.found.ref.kind in STATE_KINDS | {"group", "igo"}


def _reports(verb: str) -> bool:
    """Say whether an English finite verb is one of saying, asking or judging."""
    if verb in _EN_IRREGULAR:
        return True
    for ending in ("ed", "es", "s", "d"):
        if verb.endswith(ending) and _stem(verb[: -len(ending)]):
            return True
    return False


@cache
def _stems() -> frozenset[str]:
    """The reporting stems."""
    return frozenset(_EN_STEMS)


def _stem(prefix: str) -> bool:
    """Say whether a verb minus its ending is a reporting stem (with its final e or y)."""
    stems = _stems()
    return prefix in stems or prefix[:-1] in stems and prefix[-1:] in "ei"


_LOWER_END = re.compile(r"[a-zéèêëîïôûç],?\s+(?:(?:the|its|les?|la)\s+|l[’'])?$")


def _inverted(paragraph: str, sentence: int, mention: _Mention) -> int | None:
    """Return the sentence start when the mention is the subject of an inverted verb."""
    if mention.shape == "name":
        return None
    if not _AFTER_INVERTED.match(paragraph, mention.phrase_end):
        return None
    if not _LOWER_END.search(paragraph, max(0, mention.phrase_start - 12), mention.phrase_start):
        return None  # an inverted verb ends the words before the subject
    left = _window(paragraph, sentence, mention.phrase_start, 120)
    french = _FR_INVERTED.search(left)
    if french and french.group("pp") in _FR_NOT_SAYING:
        french = None
    present = _FR_PRESENT_INVERTED.search(left)
    english = _EN_INVERTED.search(left)
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
    r"shared|echoed|rejected|questioned|criticized|criticised|voiced|"
    r"expressed|stressed|emphasized|underscored|welcomed|raised|disputed|challenged)"
    r"(?:\s+(?!(?:the|a|an|le|la|les|un|une|des|du|this|that|its|their|his|her)\b)"
    r"[^\s,.;:]+){0,5}?\s+(?:par|by)\s+(?:les\s+|le\s+|la\s+|l[’']|the\s+)?$"
)
_OPINION_KINDS = STATE_KINDS | {"igo"}


def _held_by(paragraph: str, sentence: int, mention: _Mention) -> int | None:
    """Return the sentence start when a view is said to be the mention's ("Pour le Brésil, ...")."""
    if mention.shape == "name" or (
        mention.shape == "bare" and mention.found.ref.kind not in _OPINION_KINDS
    ):
        return None
    left = _window(paragraph, sentence, mention.phrase_start, 60)
    opinion = _OPINION.search(left)
    if opinion:
        sub = opinion.group("sub")
        return mention.phrase_start - len(left) + opinion.start("sub") if sub else sentence
    if not _AFTER_INVERTED.match(paragraph, mention.phrase_end):
        return None
    if _AGENT_END.search(left[-14:]) and _AGENT.search(
        _window(paragraph, sentence, mention.phrase_start, 160)
    ):
        return sentence
    return None


_AGENT_END = re.compile(r"\b(?:par|by)\s+(?:les\s+|le\s+|la\s+|l[’']|the\s+)?$")


def _sentence_starts(paragraph: str) -> list[int]:
    """Offsets where sentences start."""
    return [0, *(m.end() for m in _SENTENCE_BREAK.finditer(paragraph))]


def _sentence_of(starts: list[int], position: int) -> int:
    """The start of the sentence holding `position`."""
    best = 0
    for start in starts:
        if start > position:
            break
        best = start
    return best


def _attribution(start: int, mention: _Mention) -> Attribution:
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
