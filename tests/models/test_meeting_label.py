"""Meeting labels read the way releases print them, without stray punctuation."""

from __future__ import annotations

import pytest

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("body", "session", "numbers", "part", "label"),
    [
        ("Security Council", None, [8019], "PM", "8019th meeting (PM)"),
        (
            "General Assembly",
            76,
            [38, 39],
            "AM & PM",
            "76th session, 38th & 39th meetings (AM & PM)",
        ),
        ("General Assembly", 76, [], "", "76th session"),
        ("Security Council", None, [], "AM", "AM"),
        ("Security Council", None, [8019], "", "8019th meeting"),
    ],
)
def test_label(body, session, numbers, part, label):
    meeting = make_meeting(body=body, session=session, numbers=numbers, part=part)
    assert meeting.label == label
    assert ",)" not in str(meeting) and ", (" not in str(meeting)
