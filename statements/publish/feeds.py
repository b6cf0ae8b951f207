"""Atom feeds of new statements: for any search, speaker, delegation or theme.

Every feed is a search: a speaker's feed is the search ``speaker=<slug>``, run by the UI's
StatementFilter, so a feed holds what the statements page shows for the same query string,
newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks

from config.public_urls import absolute_url
from statements.models import Delegation, Statement
from statements.publish.api.resources import current_speaker
from statements.publish.citations import delegation_name, permalink, speaker_name, title
from statements.search.filters import StatementFilter
from statements.search.index import engine, readers
from statements.themes.models import Theme

FEED_ITEMS = 50
# Characters XML 1.0 cannot hold: C0 controls but tab and line breaks, lone surrogates, and
# U+FFFE/U+FFFF. PDF-to-text copies carry form feeds and vertical tabs; one would break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """The text with the characters XML cannot carry removed (a vertical tab becomes a space)."""
    return _NOT_XML.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)


LIST_FILTERS = ("delegation", "theme", "body", "session", "kind", "speaker")


@dataclass(frozen=True)
class FeedSource:
    """What a feed follows: a search, and the page that shows it."""

    title: str
    subtitle: str
    page_url: str
    feed_url: str
    query: QueryDict


class StatementFeed(Feed):
    """The newest statements of a search, as Atom."""

    feed_type = Atom1Feed
    language = "en"

    def get_object(self, request: HttpRequest, source: FeedSource) -> FeedSource:
        return source

    def title(self, source: FeedSource) -> str:
        return xml_text(source.title)

    def subtitle(self, source: FeedSource) -> str:
        return source.subtitle

    def link(self, source: FeedSource) -> str:
        return source.page_url

    def feed_url(self, source: FeedSource) -> str:
        return source.feed_url

    def feed_guid(self, source: FeedSource) -> str:
        return source.feed_url

    def author_name(self) -> str:
        return "UN Statements Archive"

    def items(self, source: FeedSource) -> list[Statement]:
        spec = StatementFilter(source.query).spec()
        ids = engine.search(spec, sort="newest", limit=FEED_ITEMS).ids
        return readers.rows(Statement.objects.for_listing(), ids)

    def item_title(self, item: Statement) -> str:
        return xml_text(f"{title(item)}, {item.date.day} {item.date:%B %Y}")

    def item_description(self, item: Statement) -> str:
        return xml_text(linebreaks(item.text, autoescape=True))

    def item_link(self, item: Statement) -> str:
        return permalink(item)

    def item_guid(self, item: Statement) -> str:
        return permalink(item)

    def item_pubdate(self, item: Statement) -> datetime:
        return datetime.combine(item.date, time.min, tzinfo=UTC)

    def item_updateddate(self, item: Statement) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Statement) -> str:
        return xml_text(speaker_name(item) or delegation_name(item) or "United Nations")

    def item_categories(self, item: Statement) -> list[str]:
        return [xml_text(tag.theme.name) for tag in item.effective_theme_tags]


statement_feed = StatementFeed()


def _serve(request: HttpRequest, source: FeedSource) -> HttpResponse:
    return statement_feed(request, source)


def describe(fs: StatementFilter) -> str:
    """A search in words: “climate”; delegation: NOR, SWE; from 2020-01-01."""
    parts = [f"“{fs.query.text}”"] if fs.query else []
    for name in LIST_FILTERS:
        if values := fs.selected(name):
            parts.append(f"{fs.filters[name].label.lower()}: {', '.join(values)}")
    for name, word in (("date_from", "from"), ("date_to", "to")):
        if day := fs.data_cleaned.get(name):
            parts.append(f"{word} {day:%Y-%m-%d}")
    return "; ".join(parts)


def search_feed(request: HttpRequest) -> HttpResponse:
    """The feed of any search: the statements page's query string, newest first."""
    fs = StatementFilter(request.GET)
    query = fs.usable_query()  # a feed reader cannot show a note: bad values are just left out
    query.pop("sort", None)
    described = describe(fs)
    source = FeedSource(
        title=f"UN statements: {described}" if described else "UN statements: all",
        subtitle="New statements matching this search in the UN Statements Archive.",
        page_url=absolute_url(reverse("statements:statement-list"), query),
        feed_url=absolute_url(reverse("data:feed-statements"), query),
        query=query,
    )
    return _serve(request, source)


def _scoped(name: str, value: str) -> QueryDict:
    query = QueryDict(mutable=True)
    query[name] = value
    return query


def speaker_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """A speaker's statements; an old or merged slug redirects to the current feed."""
    speaker = current_speaker(slug)
    if speaker is None:
        raise Http404("No such speaker")
    if speaker.slug != slug:
        return HttpResponsePermanentRedirect(reverse("data:feed-speaker", args=[speaker.slug]))
    source = FeedSource(
        title=f"{speaker.name}: statements",
        subtitle=f"New statements by {speaker.name} in the UN Statements Archive.",
        page_url=absolute_url(speaker.get_absolute_url()),
        feed_url=absolute_url(reverse("data:feed-speaker", args=[slug])),
        query=_scoped("speaker", slug),
    )
    return _serve(request, source)


def delegation_feed(request: HttpRequest, slug: str) -> HttpResponse:
    delegation = get_object_or_404(Delegation, slug=slug)
    source = FeedSource(
        title=f"{delegation.name}: statements",
        subtitle=f"New statements by the delegation of {delegation.name}.",
        page_url=absolute_url(delegation.get_absolute_url()),
        feed_url=absolute_url(reverse("data:feed-delegation", args=[slug])),
        query=_scoped("delegation", delegation.code),
    )
    return _serve(request, source)


def theme_feed(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(Theme, slug=slug)
    source = FeedSource(
        title=f"{theme.name}: statements",
        subtitle=f"New statements on {theme.name} in the UN Statements Archive.",
        page_url=absolute_url(theme.get_absolute_url()),
        feed_url=absolute_url(reverse("data:feed-theme", args=[slug])),
        query=_scoped("theme", slug),
    )
    return _serve(request, source)
