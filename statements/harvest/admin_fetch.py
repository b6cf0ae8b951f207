"""Fetch one release for the admin upload form, from the UN's own hosts only."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

from statements.harvest.client import FetchError, PoliteClient
from statements.harvest.runner import politeness_from_settings


class AddressRefused(ValueError):
    """The address is not one the admin may fetch, or fetching it failed; the message says why."""


def check_address(url: str) -> str:
    """Refuse anything but http(s) on an allowed UN host; return the address."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or host not in settings.HARVEST_ADMIN_HOSTS:
        allowed = ", ".join(settings.HARVEST_ADMIN_HOSTS)
        raise AddressRefused(
            f"Only addresses on the UN's own sites can be fetched here ({allowed})."
        )
    return url.strip()


def fetch_release_page(url: str) -> bytes:
    """Fetch a release page politely (robots.txt, User-Agent) from an allowed host."""
    url = check_address(url)
    hosts = tuple(settings.HARVEST_ADMIN_HOSTS)
    with PoliteClient(politeness_from_settings(), allowed_hosts=hosts) as client:
        try:
            fetched = client.get(url)
        except FetchError as exc:
            raise AddressRefused(f"The page could not be fetched: {exc}") from exc
    if len(fetched.content) > settings.MAX_RELEASE_BYTES:
        raise AddressRefused(f"{url}: the page is larger than the release size limit.")
    return fetched.content
