"""Delegation names in running text: "the Russian Federation", "the Netherlands", but "France".

The UN's own usage (UNTERM): a name whose head is a common noun (a republic, federation,
kingdom, union, group, organization ...) or a plural (islands, states, emirates) takes "the",
and so do a few short names by custom (the Bahamas, the Gambia, the Niger, the Sudan ...).
Pure Python: the pages and citations call ``with_article``.
"""

from __future__ import annotations

import re

_COMMON_HEAD = re.compile(
    r"\b(?:Republic|Federation|Kingdom|Union|Group|Organi[sz]ation|Office|Programme|Fund|"
    r"Bank|Committee|Council|Commission|Agency|Secretariat|Movement|League|Community|"
    r"Holy See|State of|Islands|States|Emirates|Nations|Countries|Cooperation|Alliance|"
    r"Conference|Court|Forum|Institute|Centre|Center|Authority|Entity|Division|Department)\b"
)
_BY_CUSTOM = frozenset(
    {
        "Bahamas",
        "Comoros",
        "Congo",
        "Gambia",
        "Maldives",
        "Netherlands",
        "Netherlands (Kingdom of the)",
        "Niger",
        "Philippines",
        "Seychelles",
        "Sudan",
    }
)
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
_NO_ARTICLE = re.compile(r"^(?:the|The|Le|La|Les|L[’'])\b|^[A-Z0-9]{2,}$")


def with_article(name: str) -> str:
    """The name as it reads after "of": with "the" where the UN writes it."""
    name = " ".join(name.split())
    if not name or _NO_ARTICLE.match(name):
        return name
    head = _QUALIFIER.sub("", name)  # "Iran (Islamic Republic of)" reads without one
    if name in _BY_CUSTOM or _COMMON_HEAD.search(head):
        return f"the {name}"
    return name
