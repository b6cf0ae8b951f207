"""The words a reported attribution is made of: roles, titles, verbs of saying, in English and
French, and the patterns that read them around a delegation's name."""

from __future__ import annotations

import re
from functools import cache


def _words(text: str) -> tuple[str, ...]:
    """The words of a space-separated list."""
    return tuple(text.split())


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(text.split())


# English verbs of saying, asking, judging and proposing (stems; past and present forms derived).
_EN_STEMS = _words(
    "say speak acknowledg accept accus add address advocat affirm agree align announc appeal "
    "applaud argu ask assert associat assur attribut believ blam brief call caution challeng "
    "characteriz maintain "
    "charg cit "
    "claim clarifi comment commend complain conced conclud condemn confirm congratulat consider "
    "contend continu contest counter criticiz criticis declar decri defend deni deplor describ "
    "detail disagre dismiss disput echo emphasiz emphasis encourag endors explain express favour "
    "hail highlight hop implor indicat inform insist introduc invit lament list mention "
    "not object observ offer outlin plead pledg point prais present press proclaim promis "
    "propos protest question rais reaffirm recall recogniz recommend recount referr regrett "
    "reiterat reject remark remind repli report reproach request respond reveal reviewed "
    "saw shar signal stat stress submitt suggest summariz support thank underlin underscor "
    "urg voic vow want warn welcom wish wonder"
)
_EN_IRREGULAR = word_set(
    "said says told tells spoke speaks felt feels thought thinks held holds gave gives made makes "
    "took takes sought seeks drew draws put puts went goes began begins saw sees called calls "
    "expressed expresses focused focuses turned turns opened opens closed closes"
)
_EN_AUX = r"(?:(?:had|has|have|would|will|also|further|then|however|later|again|too|then|"
_EN_AUX += r"similarly|likewise|subsequently|meanwhile|moreover|nevertheless|first|finally|"
_EN_AUX += r"strongly|firmly|repeatedly|specifically|particularly|notably|briefly),?\s+)*"
EN_PREDICATE = re.compile(rf"\s*{_EN_AUX}(?P<verb>[a-z]+)\b")
EN_NOT_VERBS = word_set(
    "had has have was were is are be been being would could should might must may can cannot "
    "did does do will shall and or to of in on at by for with who whose whom that which as "
    "also not nor than the a an its their his her delegation delegations representative "
    "representatives government country countries"
)
# Finite verbs that report an act, not words: "the Japanese delegation abstained".
EN_NOT_SAYING = word_set(
    "abstained voted left walked withdrew signed ratified sponsored co-sponsored elected joined "
    "received obtained won lost hosted chaired presided sent deployed contributed paid vetoed"
)
ROLE_EN = (
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
EN_ROLE_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+|\b[Ii]ts\s+|\b[Hh]is\s+|\b[Hh]er\s+|\b[Tt]heir\s+|^|(?<=\s))"
    rf"(?:(?:[Nn]ew|[Oo]utgoing|[Pp]ermanent|[Dd]eputy|[Aa]cting|[Ss]enior|[Aa]lternate)\s+)*"
    rf"{ROLE_EN}{_TITLE_WORDS}\s+(?:of|from|for)\s+(?:the\s+)?$"
)
EN_ROLE_AFTER = re.compile(
    # "Cuba’s Vice Minister for External Affairs": a title's own capitalized words after it
    rf"(?:’|')s\s+(?:[\w-]+\s+){{0,2}}?{ROLE_EN}\b"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:(?:and|of|the|for|on)\s+)?[A-Z][\w-]*)*)?"
    rf"|\s+{ROLE_EN}\b"
)
FR_ROLE = (
    r"(?:[Rr]eprésentante?s?|[Dd]éléguée?s?|délégations?|[Oo]bservat(?:eur|rice)s?|[Aa]mbassadeur|"
    r"[Aa]mbassadrice|porte-parole|[Cc]hef\s+(?:de\s+l[’']État|du\s+Gouvernement|de\s+la\s+"
    r"délégation)|(?:[Vv]ice-)?[Pp]résidente?|[Pp]remier\s+[Mm]inistre|[Mm]inistre|"
    r"[Ss]ecrétaire\s+d[’']État|[Rr]oi|[Rr]eine|[Éé]mir|[Cc]hancelière?|[Hh]omologues?)"
)
FR_ROLE_BEFORE = re.compile(
    rf"(?:\b(?:[Ll]es?|[Ll]a|[Ss]on|[Ss]a|[Ll]eur)\s+|\b[Ll][’']|(?<=,\s))(?:(?:nouvel(?:le)?|[Pp]ermanente?|"
    rf"[Aa]djointe?)\s+)*{FR_ROLE}(?:\s+[\w’'-]+){{0,8}}?\s+"
    r"(?:de\s+la\s+|de\s+l[’']|du\s+|des\s+|de\s+|d[’'])$"
)
FR_ARTICLE_BEFORE = re.compile(r"(?:\b[Ll]es\s+|\b[Ll]es?\s+|\b[Ll]a\s+|\b[Ll][’']|^|(?<=\s))$")
EN_ARTICLE_BEFORE = re.compile(r"(?:\b[Tt]he\s+|^|(?<=\s)|(?<=“)|(?<=\"))$")
# "Jane Doe (Peru)", "JANE DOE, (Peru)": a person with the delegation in brackets.
NAME_BEFORE = re.compile(
    r"(?P<name>(?:[A-Z][\w’'.-]*\s+){1,5}[A-Z][\w’'.-]*)(?:,\s*(?:Jr|Sr)\.?)?,?\s*\($"
)
BRACKET_CLOSE = re.compile(r"\s*\)")
_PP = r"[a-zéèêëîïôûç-]+(?:é|i|u|is|it|t)e?s?\b"
FR_PREDICATE = re.compile(
    r"\s*(?:(?:l[’']|les\s+|lui\s+|leur\s+|y\s+|en\s+|n[’']|ne\s+)?"
    r"(?:a|ont|avait|avaient|aurait|auraient)\s+(?:(?:pas|aussi|également|ensuite|notamment|"
    r"enfin|encore|de\s+nouveau|pour\s+sa\s+part|pour\s+leur\s+part|quant\s+à\s+(?:lui|elle|eux)|"
    r"lui\s+aussi|elle\s+aussi|par\s+ailleurs|en\s+outre|toutefois|cependant|d[’']abord|vivement|"
    rf"fermement|clairement|quand\s+même|d[’']emblée|en\s+outre),?\s+)*(?P<pp>{_PP})"
    rf"|(?:a|ont|avait|avaient)\s*,\s*[^,.;]{{1,50}},\s+(?P<pp2>{_PP})"
    r"|(?:s[’'](?:y\s+)?est|se\s+sont|s[’']y\s+sont|s[’'](?:y\s+)?étai(?:t|ent))\s+"
    r"(?:(?:aussi|également|ensuite|"
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
    r"|(?:est|sont|s[’'](?:y\s+)?est|se\s+sont|s[’']y\s+sont)\s+(?:(?:aussi|également|ensuite|"
    r"notamment|quant\s+à\s+"
    r"(?:lui|elle|eux)),?\s+)*(?P<etre>revenue?s?|exprimée?s?|élevée?s?|"
    r"prononcée?s?|félicitée?s?|inquiétée?s?|opposée?s?|associée?s?|dite?s?)\b"
    # a stance told with "être": "la Syrie était convaincue que", "est d’avis que"
    r"|(?:est|sont|était|étaient)\s+(?:(?:très|profondément|vivement|également|aussi|"
    r"particulièrement)\s+)*(?P<stance>préoccupée?s?|surprise?s?|convaincue?s?|inquiète?s?|"
    r"inquiets|déçue?s?|d[’']avis|favorables?|satisfaite?s?)(?!\w))"
)
# Participles that report an act, not words: "le Pérou a été élu", "a ratifié", "a voté".
FR_NOT_SAYING = word_set(
    "été eu ratifié signé adhéré voté adopté élu élue reçu accueilli accueille connu subi perdu "
    "envoyé déployé fourni versé contribué participé accédé obtenu occupé annexé envahi "
    "attaqué bombardé lancé mené commis recueilli remporté"
)
EN_SUBORDINATE = re.compile(
    r"(?:(?:^|[,;:—–(])\s*(?P<word>and|but|yet|then|also|similarly|likewise|meanwhile|"
    r"further|moreover|however|adding\s+that|et|mais|puis|ensuite|enfin|de\s+même|aussi)"
    r"|(?:^|\s)(?P<strong>while|whereas|although|though|whilst|alors\s+que|tandis\s+que|"
    r"ce\s+à\s+quoi|lorsque|quand|puisque|car|"
    r"cependant\s+que|si))"  # "si" reads "même si" too
    r",?\s*$",
    re.IGNORECASE,
)
CLAUSE_OPEN = re.compile(r"(?:^|[,;:—–]|[.!?][”\"’)]*)\s*$")
# A sentence ends at a full stop, but not after an initial ("Richard M. Mills"), "Mr." or "M.".
SENTENCE_BREAK = re.compile(
    r"[.!?](?<![\s.][A-Z]\.)(?<!\bM\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bMme\.)(?<!\bJr\.)"
    r"[\"”’)]*\s+(?=[A-Z“\"‘«ÉÀÈÎ])"
)
WHO = re.compile(r"\s*,\s*(?:who|qui)\s+")
COMMA = re.compile(r",\s+")
MAX_APPOSITION = 260
# Inverted: "..., said the representative of Peru", "..., a renchéri le Pérou", "comme l'a
# rappelé le Chili", "..., ont prévenu les Philippines".
EN_INVERTED = re.compile(
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
# When and where, between an inverted verb and its subject: "a déclaré ce matin devant
# l’Assemblée générale le représentant du Pakistan".
_FR_WHEN_WHERE = (
    r"(?:ce\s+(?:matin|soir|midi)|cet\s+après-midi|aujourd[’']hui|hier|"
    r"devant\s+(?:l[’']|les?\s+|la\s+)[A-ZÉ][\w’'-]*(?:\s+(?:[a-zéè]+|de\s+sécurité))?)"
)
FR_INVERTED = re.compile(
    r"(?:[,—–»”\"]|\b[Cc]omme|\b[Aa]insi\s+que|\b[Ss]elon\s+ce\s+qu[’']|^)\s*(?:l[’'])?"
    rf"(?:a|ont|avait|avaient|aurait)\s+(?:,?\s*{_FR_ADVERBS},?\s+)*"
    r"(?P<pp>dit|fait\s+valoir|fait\s+observer|fait\s+remarquer|fait\s+savoir|"
    rf"[a-zéèêëîïôûç-]+[éiu]e?s?)\s*(?:,?\s*(?:{_FR_ADVERBS}|{_FR_WHEN_WHERE}),?\s*)*"
    r"(?:,\s*[^,]{1,40},\s*)?(?:les|le|la|l[’']|)\s*$"
)
FR_PRESENT_INVERTED = re.compile(
    r"(?:[,—–»”\"]|^)\s*(?:estime|juge|souligne|rappelle|déclare|insiste|affirme|ajoute|"
    r"explique|indique|regrette|prévient|fait\s+valoir|observe|relève|note|plaide|dit|"
    r"demande|constate|dénonce|argue|lance|tranche|renchérit|poursuit|conclut)\s+"
    r"(?:les|le|la|l[’']|)\s*$"
)
AFTER_INVERTED = re.compile(
    r"\s*(?:[.,;:)»”\"]|$|\s(?:qui|en|dans|pour|lors|après|avant|devant|à|au|aux|auprès|sur|"
    r"who|in|at|before|on|to)\b)"
)


def french_report_at(paragraph: str, position: int) -> bool:
    """Say whether a French predicate of saying starts at `position` ("a souligné", "estime")."""
    french = FR_PREDICATE.match(paragraph, position)
    if not french:
        return False
    verb = french.group("pp") or french.group("pp2") or french.group("refl")
    if spoken_in_french(french):
        return True
    return verb is not None and verb not in FR_NOT_SAYING


def spoken_in_french(french: re.Match[str]) -> bool:
    """Say whether a FR_PREDICATE match reports words by its form alone: a present or imperfect
    verb of saying, "s’est exprimé" and the like, or a stance ("était convaincue")."""
    return bool(
        french.group("present")
        or french.group("imperfect")
        or french.group("etre")
        or french.group("stance")
    )


def reports(verb: str) -> bool:
    """Say whether an English finite verb is one of saying, asking or judging."""
    if verb in _EN_IRREGULAR:
        return True
    for ending in ("ed", "es", "s", "d"):
        if verb.endswith(ending) and is_reporting_stem(verb[: -len(ending)]):
            return True
    return False


@cache
def _stems() -> frozenset[str]:
    """The reporting stems."""
    return frozenset(_EN_STEMS)


def is_reporting_stem(prefix: str) -> bool:
    """Say whether a verb minus its ending is a reporting stem (with its final e or y)."""
    stems = _stems()
    return prefix in stems or prefix[:-1] in stems and prefix[-1:] in "ei"
