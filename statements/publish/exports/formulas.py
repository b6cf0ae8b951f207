"""CSV injection: text a spreadsheet would run as a formula gets an apostrophe in front, the same
way whether PostgreSQL writes the cell (the statement exports) or Python does (other tables)."""

from __future__ import annotations

import re

from django.db.models import Case, Expression, TextField, Value, When
from django.db.models.functions import Concat
from django.db.models.lookups import Regex

# A spreadsheet runs a cell as a formula when it starts with one of these, also after leading
# spaces or line breaks, and also in their full-width forms (＝＋－＠); a cell that starts with a
# tab, carriage return or line feed is defused as well.
FORMULA_CHARS = "=+\\-@\uff1d\uff0b\uff0d\uff20"
_FORMULA = re.compile(rf"[\s\u3000]*[{FORMULA_CHARS}]|[\t\r\n]")
_FORMULA_SQL = rf"^([[:space:]\u3000]*[{FORMULA_CHARS}]|[\t\r\n])"


def is_formula(text: str) -> bool:
    """Whether a spreadsheet would run this cell as a formula."""
    return bool(_FORMULA.match(text))


def csv_safe(expression: Expression) -> Expression:
    """Prefix an apostrophe to text a spreadsheet would run as a formula."""
    return Case(
        When(
            Regex(expression, Value(_FORMULA_SQL)),
            then=Concat(Value("'"), expression, output_field=TextField()),
        ),
        default=expression,
        output_field=TextField(),
    )
