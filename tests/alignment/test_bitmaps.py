"""A process keeps each delegation's bitmaps between requests: any change to votes or decisions,
by any path, must reach the next answer."""

from __future__ import annotations

import pytest
from django.db import connection

from statements.alignment import bitmaps
from statements.decisions.models import Decision, Vote

pytestmark = pytest.mark.django_db


def usa_israel(client) -> dict:
    response = client.get("/api/v1/alignment/pair", {"delegation": ["USA", "ISR"]})
    assert response.status_code == 200, response.content
    return response.json()["data"]["pairs"][0]["recorded"]


def test_a_queryset_update_of_votes_reaches_the_next_answer(client, votes):
    assert usa_israel(client)["identical"] == 1
    assert bitmaps.CACHE._maps  # kept for the next request
    # Raw updates skip every Python hook; the trigger still moves the version.
    Vote.objects.filter(delegation__code="USA", vote="abstaining").update(vote="against")
    assert usa_israel(client)["identical"] == 2


def test_every_kind_of_change_moves_the_version(votes):
    seen = [bitmaps.votes_version()]
    Decision.objects.filter(pk=Decision.objects.first().pk).update(subject_title="Changed")
    seen.append(bitmaps.votes_version())
    Vote.objects.filter(delegation__code="ISR").delete()
    seen.append(bitmaps.votes_version())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no foreign-key checks left pending
        cursor.execute("TRUNCATE statements_vote")
    seen.append(bitmaps.votes_version())
    assert len(set(seen)) == len(seen)


def test_a_statement_that_changes_nothing_still_cannot_leave_a_stale_cache(client, votes):
    first = usa_israel(client)
    Vote.objects.filter(pk=-1).update(vote="against")  # no rows: the version moves anyway
    assert usa_israel(client) == first


def test_bitmaps_and_scopes():
    assert bitmaps.bitmap([]) == 0
    assert bitmaps.bitmap([0, 3, 9]) == 0b1000001001
    scope = bitmaps.bitmap([3, 9])
    maps = {("recorded", "in_favour"): bitmaps.bitmap([0, 3]), ("recorded", "against"): 1}
    assert bitmaps.in_scope(maps, scope) == {("recorded", "in_favour"): 0b1000}
