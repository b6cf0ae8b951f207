"""Schemathesis hooks for the API (loaded through SCHEMATHESIS_HOOKS by scripts/schemathesis.sh).

A cursor is valid only when the API issued it for the same list and order, which no schema can
say: any other string is rightly a 400. So a "schema-valid request rejected" whose answer is the
invalid_cursor problem is not a failure; everything else about such requests is still checked,
and tests/publish/test_api.py covers cursors (paging, tampering, another list's cursor). Likewise
a speaker slug is valid only when such a speaker exists, and speakers are too many to list in the
document (delegations, themes and bodies are listed as enums): an unknown speaker's 400 is right.
A NUL character (%00) is refused in every address with a 400 named `nul_character`
(config/nul_characters.py; no page, parameter or record can hold one); JSON Schema has no way to
exclude one character from every string without a pattern on each, so that 400 is right too.
The alignment reports name a body, theme, group or delegation that must exist (their documents do
not list them as enums yet), and a year range must not run backwards (a rule across parameters,
`__all__`, that no schema can state): a made-up value is a 400 naming the parameter, rightly.
"""

import schemathesis


@schemathesis.hook
def filter_failure(context, failure, case, response) -> bool:
    """Keep every failure but the 400 of a made-up cursor or of an unknown speaker."""
    if type(failure).__name__ != "RejectedPositiveData" or response.status_code != 400:
        return True
    try:
        body = response.json()
    except ValueError:
        return True
    if body.get("code") in ("invalid_cursor", "nul_character"):
        return False
    if body.get("code") == "unknown_value" and body.get("parameter") == "speaker":
        return False
    made_up = body.get("code") == "invalid_parameter" and body.get("parameter") in _MUST_EXIST
    return not (made_up and case.operation.path.startswith("/alignment/"))


_MUST_EXIST = {"body", "theme", "group", "delegation", "__all__"}
