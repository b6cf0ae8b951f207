"""Tell body paragraphs apart: headings, speakers lists, procedure, votes, quoted texts, notices."""

from __future__ import annotations

import re

from statements.parsing.substrings import CASE_ODDITIES, holds_any

# Heading kinds: what the paragraphs under a heading are.
REPLY, QUOTED, OTHER = "reply", "quoted", "other"

_HEADING_MAX_WORDS = 10
_HEADING_END = re.compile(r"[.;,?!”\"’]$")
_REPLY_HEADING = re.compile(r"^rights?\s+of\s+reply\b", re.IGNORECASE)
_QUOTED_HEADING = re.compile(
    r"^(?:annex\b.*|(?:(?:full\s+)?text\s+of\s+)?(?:the\s+)?(?:draft\s+)?"
    r"(?:resolutions?|decisions?|presidential\s+statement|statement\s+by\s+the\s+president)"
    r"(?:\s+[\dA-Z/.()\s-]{1,30})?:?)$",
    re.IGNORECASE,
)
_QUOTED_INTRO = re.compile(
    r"(?:\b(?:reads?|read)\s+as\s+follows|\bas\s+follows|\bthe\s+following\s+(?:entries|names|"
    r"individuals|entities|text|amendments?)|\bfull\s+text\b[^.]*\breads?\b)[^.]*:$",
    re.IGNORECASE,
)
_RESOLUTION_OPENER = re.compile(
    r"^[“\"]?The\s+(?:Security\s+Council|General\s+Assembly|Economic\s+and\s+Social\s+Council|"
    r"Human\s+Rights\s+Council|Commission\s+on\s+the\s+Status\s+of\s+Women|Peacebuilding\s+"
    r"Commission|(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee),?[”\"]?$"
)
_SPEAKERS_LIST = re.compile(
    r"^(?:Also\s+(?:delivering\s+statements|making\s+statements|speaking|taking\s+the\s+floor|"
    r"participating|addressing\s+the\s+\w+)\b[^.]*?\b(?:were|was)\s+"
    r"|Speaking\s+(?:in\s+(?:the\s+)?exercise\s+of\s+(?:the\s+|their\s+)?rights?\s+of\s+reply|"
    r"in\s+explanation\s+of\s+(?:vote|position)|(?:after|before)\s+the\s+(?:vote|adoption))"
    r"[^,.]*?\s+(?:were|was)\s+"
    r"|(?:The\s+)?(?:[Rr]epresentatives?|[Oo]bservers?|[Dd]elegates?)\s+(?:of|for)\s+[^.]+?\s+"
    r"(?:also\s+)?(?:spoke|made\s+statements|took\s+the\s+floor|delivered\s+statements)\b"
    r"(?![^.]*?,\s+(?:\w+ing|and\s+(?:said|stressed|noted))\b)"
    r"|(?:Statements|Explanations?)\b[^.]{0,80}?\b(?:were|was)\s+(?:also\s+)?"
    r"(?:made|delivered|given)\s+by\s+)"
)
# A vote report: a recorded-vote list or tally that opens the paragraph, or a vote phrase anywhere.
_VOTE_START = re.compile(
    r"^(?:In\s+favour|Against|Abstain(?:ing|ed|ions?)?|Absent|Did\s+not\s+vote)\s*:"
    r"|^The\s+vote\s+was\b|^(?:Pour|Contre|Abstentions?)\s*:",
    re.IGNORECASE,
)
_VOTE_ANYWHERE = re.compile(
    r"\b(?:recorded\s+)?vote\s+of\s+\d+\s+in\s+favour\b|\b\d+\s+in\s+favour\s+to\s+\d+\s+against\b"
    r"|\bwithout\s+a\s+vote\b|\b\d+\s+votes?\s+(?:in\s+favour|to)\b"
    r"|\b(?:voted|abstained)\b|\b\d+\s+voix\s+(?:pour|contre)\b|\bsans\s+(?:le\s+)?vote\b"
    # an election's tally: "Sur 189 votes exprimés, le Japon a recueilli 184 voix"
    r"|\bvotes?\s+(?:exprimés|cast)\b|\b(?:recueilli|obtenu|received|obtained)\s+\d+\s+(?:voix|votes)\b",
    re.IGNORECASE,
)
# Each phrase of _VOTE_ANYWHERE holds "vote", "voix", "abstained" or both "favour" and
# "against": plain substring tests of the lower-cased text spare the pattern (which tries every
# position of a long statement) on most texts. Lower-casing matches what a case-blind pattern
# does for ASCII letters except for these letters, where the pattern decides.
_VOTE_KEYS = ("vote", "voix", "abstained")
# One of these is in every vote text; str "in" tests find them far faster than a pattern scan.
_VOTE_WORDS = ("favour", "vote", "voix", "bstain", "Against", "Absent", "Pour", "Contre")
_BODY_NAMES = (
    r"(?:General\s+Assembly|Assembly|Security\s+Council|Council|Committee|Commission|Forum|Board|"
    r"Conference|Economic\s+and\s+Social\s+Council|Peacebuilding\s+Commission|Meeting)"
)
_PROCEDURE = re.compile(
    r"^(?:The\s+meeting\s+(?:began|was\s+called|opened|rose|ended|adjourned|was\s+suspended|resumed)"
    r"|La\s+séance\s+(?:a\s+(?:commencé|débuté|été)|est\s+levée|s[’']est|reprendra|se\s+poursuivra)"
    rf"|(?:The|This)\s+{_BODY_NAMES}\s+(?:will|then|also|next|began|concluded|adopted|took|heard|"
    r"decided|elected|approved|resumed|reconvene[sd]?|is\s+scheduled|was\s+|had\s+before|"
    r"has\s+before|opened|met|continued|proceeded|turned)"
    r"|(?:Le|La|L[’'])\s*(?:Conseil(?:\s+de\s+sécurité)?|(?:\w+\s+)?Commission|Comité|"
    r"Assemblée(?:\s+générale)?|Conférence)\s+(?:était|avait|a\s+|est\s+|sera|se\s+réunira|"
    r"reprendra|poursuivra|entendra|examinera|s[’']est|doit|devait|se\s+prononcera|a\s+adopté)"
    r"|(?:Also|Further)\s+(?:speaking|delivering|making|taking\s+the\s+floor|addressing)"
    r"|\(See\s+(?:also\s+)?Press\s+Release"
    r"|(?:Many|Several|Other|Some|Most|Numerous|A\s+number\s+of|Still\s+other|Speakers|Delegates|"
    r"Delegations|Others|All)\b"
    r"|(?:Plusieurs|Certaine?s|D[’']autres|De\s+nombreu(?:x|ses)|Nombre\s+d(?:e\s+|[’'])|"
    r"La\s+plupart|Beaucoup|Quelques|Toutes?\s+les|Tous)\b)"
)
_CONTINUATION_CUE = re.compile(
    r"\b(?:he|she|they)\s+(?:also\s+)?(?:said|added|stressed|noted|emphasized|continued|went\s+on|"
    r"concluded|warned|observed|asserted|underlined|underscored|pointed|urged|called|asked|"
    r"recalled|expressed|welcomed|highlighted|affirmed|reaffirmed|declared|insisted|argued)\b"
    r"|\b(?:his|her|their)\s+(?:delegation|country|Government|nation)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s|[A-Z]{2}[ie]\.\d{3}\b|Name:\s)")
# Every phrase of _PARTIAL holds one of these words, or both words of one of these pairs: plain
# substring tests spare the long pattern on most paragraphs.
# "rieurement": the ASCII end of "ultérieurement" (an "É" is no "é" to bytes.lower).
_PARTIAL_WORDS = (b"covered", b"couvert", b"liquidit", b"rieurement", b"constraints")
_PARTIAL = re.compile(
    r"\b(?:(?:was|were|will\s+not\s+be|could\s+not\s+be)\s+not\s+covered|was\s+not\s+covered|"
    r"not\s+(?:be\s+)?covered|liquidity\s+crisis|full\s+(?:summary|coverage)\s+will\b|"
    r"will\s+be\s+(?:issued|published|made\s+available)\s+(?:later|at\s+a\s+later)|"
    r"budget(?:ary)?\s+(?:cuts|constraints|crisis)|financial\s+constraints|"
    r"pas\s+(?:été\s+)?couverte?s?|crise\s+de\s+liquidités|publiée?\s+ultérieurement)\b",
    re.IGNORECASE,
)


def heading_kind(text: str, hinted: bool = False) -> str | None:
    """Return REPLY, QUOTED or OTHER when the paragraph is a section heading, else None."""
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS or not text[0].isupper():
        return None
    if _REPLY_HEADING.match(text):
        return REPLY
    if _QUOTED_HEADING.match(text):
        return QUOTED
    if not hinted and (_HEADING_END.search(text) or text.endswith(":") or text.isupper()):
        return None
    return OTHER


def opens_quoted_text(text: str) -> bool:
    """Say whether a paragraph introduces quoted text (a resolution, an annex list)."""
    return bool(_QUOTED_INTRO.search(text) or _RESOLUTION_OPENER.match(text))


def is_speakers_list(text: str) -> bool:
    """Say whether a paragraph lists delegations that spoke ("Also speaking were ...")."""
    return bool(_SPEAKERS_LIST.match(text))


def is_vote(text: str) -> bool:
    """Say whether a paragraph reports a vote or a recorded-vote list."""
    if not holds_any(text, _VOTE_WORDS):
        return False  # plain substring tests spare the patterns on most texts
    if _VOTE_START.match(text):
        return True
    return _may_hold_vote_phrase(text) and bool(_VOTE_ANYWHERE.search(text))


def _may_hold_vote_phrase(text: str) -> bool:
    """Say whether a text holds the words every phrase of _VOTE_ANYWHERE needs (cheap tests)."""
    if holds_any(text, CASE_ODDITIES):
        return True
    lower = text.lower()
    return holds_any(lower, _VOTE_KEYS) or ("favour" in lower and "against" in lower)


def is_procedure(text: str) -> bool:
    """Say whether a paragraph is narrative about the meeting rather than a speaker's words."""
    if _LIST_ITEM.match(text):
        return True
    if is_vote(text):  # "he said his delegation abstained" is still the speaker's
        return not _CONTINUATION_CUE.search(text)
    return bool(_PROCEDURE.match(text)) and not _CONTINUATION_CUE.search(text)


_REPORTED = re.compile(
    r"\b(?:said|says|stated|added|explained|noted|stressed|argued|because|since|its\s+"
    r"(?:delegation|country|Government)|a\s+(?:déclaré|expliqué|indiqué|estimé))\b"
)


def speaker_cue(text: str) -> bool:
    """Say whether a text is in the speaker's voice ("she said", "because", "his delegation")."""
    return bool(_CONTINUATION_CUE.search(text) or _REPORTED.search(text))


def is_quotation(text: str) -> bool:
    """Say whether a whole paragraph is a quotation."""
    return text[:1] in '“"‘' and text.rstrip()[-1:] in '”"’'


def partial_notice(text: str) -> bool:
    """Say whether a paragraph says that the meeting was only partly covered."""
    if not holds_any(text, CASE_ODDITIES):
        # Without those letters, the case-blind pattern reads an ASCII letter only as itself in
        # either case: the words it needs, all ASCII, are looked for in the UTF-8 bytes with
        # their ASCII letters lowered (bytes.lower is far cheaper than str.casefold).
        lowered = text.encode("utf-8", "surrogatepass").lower()
        if not holds_any(lowered, _PARTIAL_WORDS) and not _partial_pair(lowered):
            return False  # plain substring tests spare the long pattern on most paragraphs
    return bool(_PARTIAL.search(text))


def _partial_pair(lowered: bytes) -> bool:
    """Say whether lowered bytes hold both words of a pair _PARTIAL needs ("budget" and "cuts"
    or "crisis"; "will" and "full" or "later"): each word is looked for once."""
    return (b"budget" in lowered and (b"cuts" in lowered or b"crisis" in lowered)) or (
        b"will" in lowered and (b"full" in lowered or b"later" in lowered)
    )


_ACTION = re.compile(
    r"\b(?:adopted|approved|decided|elected|appointed|took\s+(?:note|action)|rejected|"
    r"recommended|endorsed|extended|renewed|a\s+adopté|a\s+décidé|a\s+approuvé|a\s+élu)\b",
    re.IGNORECASE,
)
_MEETING_TIMES = re.compile(
    r"^(?:The\s+meeting|La\s+séance)\b|\b(?:will\s+(?:meet|reconvene|resume)|"
    r"(?:began|opened|ended|rose|adjourned)\s+at\s+\d)",
    re.IGNORECASE,
)


def narrative_kind(text: str, *, lead: bool = False) -> str:
    """Classify a narrative paragraph: vote, procedural, action, summary or other."""
    if is_vote(text):
        return "vote"
    if is_speakers_list(text) or _MEETING_TIMES.search(text):
        return "procedural"
    if _ACTION.search(text):
        return "action"
    return "summary" if lead else "other"
