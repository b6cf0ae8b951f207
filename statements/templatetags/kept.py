"""`{% kept "name" value ... %}…{% endkept %}`: a fragment rendered once a process per key.

The site's header and footer are the same on every page but for the language and which section
is current, yet each render reversed a dozen URL names and looked up a dozen translations. A
kept fragment is rendered the first time its key is seen and its HTML reused after: the key is
the fragment's name and template, the interface language, the URL configuration and script
prefix, and the values given after the name. The fragment must depend on nothing else (no
request, no user, no query string): whatever varies goes in the key.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()

_KEPT: dict[tuple, str] = {}
_MOST = 512  # sections × languages is a few dozen; a bound in case a key is misused


class KeptNode(template.Node):
    """Render the nodelist once per key; later renders return the kept HTML."""

    def __init__(self, nodelist: template.NodeList, keys: list) -> None:
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context: template.Context) -> str:
        values = tuple(str(key.resolve(context)) for key in self.keys)
        urls = get_urlconf() or settings.ROOT_URLCONF
        key = (self.origin.name, translation.get_language(), urls, get_script_prefix())
        key += values
        html = _KEPT.get(key)
        if html is None:
            if len(_KEPT) >= _MOST:
                _KEPT.clear()
            html = _KEPT[key] = self.nodelist.render(context)
        return mark_safe(html)


@register.tag("kept")
def do_kept(parser: template.base.Parser, token: template.base.Token) -> KeptNode:
    """{% kept "header" section %}…{% endkept %}: the first argument names the fragment."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% kept %} needs a fragment name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, [parser.compile_filter(bit) for bit in bits])


def forget() -> None:
    """Drop every kept fragment (tests that change translations or URLs)."""
    _KEPT.clear()
