"""Fetch one release for the admin upload form, from the UN's own hosts only, within seconds.

A gunicorn thread waits on this fetch, so it is bounded tighter than the harvester's: a short total
deadline (``HARVEST_ADMIN_DEADLINE``, 20 s), one retry, short waits, ports 80 and 443 only. Every
failure is an ``AddressRefused`` with its reason: the form shows it, it never answers 500.
"""

from __future__ import annotations

import dataclasses

from django.conf import settings

from statements.harvest.client import FetchError, PoliteClient, check_address
from statements.harvest.runner import politeness_from_settings


class AddressRefused(ValueError):
    """The address is not one the admin may fetch, or fetching it failed; the message says why."""


def allowed_address(url: str) -> str:
    """Refuse anything but http(s) on an allowed UN host, ports 80/443; return the address."""
    url = url.strip()
    hosts = tuple(h.lower() for h in settings.HARVEST_ADMIN_HOSTS)
    try:
        check_address(url, hosts)
        refused = not hosts or len(url) > 500
    except FetchError:
        refused = True
    if refused:
        allowed = ", ".join(hosts)
        raise AddressRefused(
            f"Only addresses on the UN's own sites can be fetched here ({allowed}, ports 80 and"
            " 443, at most 500 characters)."
        )
    return url


def fetch_release_page(url: str) -> bytes:
    """Fetch a release page politely (robots.txt, User-Agent) from an allowed host, quickly."""
    url = allowed_address(url)
    deadline = float(getattr(settings, "HARVEST_ADMIN_DEADLINE", 20.0))
    politeness = dataclasses.replace(
        politeness_from_settings(),
        deadline=deadline,
        timeout=min(settings.HARVEST_TIMEOUT, deadline),
        retries=1,
        max_wait=min(settings.HARVEST_MAX_WAIT, 5.0),
        max_crawl_delay=5.0,
        max_bytes=settings.MAX_RELEASE_BYTES,
    )
    hosts = tuple(settings.HARVEST_ADMIN_HOSTS)
    try:
        with PoliteClient(politeness, allowed_hosts=hosts) as client:
            fetched = client.get(url)
    except FetchError as exc:
        raise AddressRefused(f"The page could not be fetched: {exc}") from exc
    return fetched.content
