"""The alignment pages' HTML built in Python escapes what it prints, as Django's own would."""

from __future__ import annotations

from django.utils.html import escape

from statements.alignment.templatetags.alignment_tags import matrix_rows, options


def test_options_escape_values_and_labels_and_mark_the_chosen():
    html = options([('a"b', "<Côte & Co>"), ("USA", "United States")], ["USA"])
    assert html == (
        f'<option value="{escape(chr(97) + chr(34) + "b")}">{escape("<Côte & Co>")}</option>'
        '<option value="USA" selected>United States</option>'
    )


def test_matrix_cells_escape_codes_and_print_the_basis_counts():
    cell = {"first": {"code": "<A>"}, "second": {"code": "B"}, "value": 0.5,
            "votes": {"decisions": 4}}  # fmt: skip
    report = {
        "scope": {"basis": "votes"},
        "delegations": [{"code": "<A>"}, {"code": "B"}],
        "cells": [cell],
    }
    (first, html), (second, other) = matrix_rows(report)
    assert html == (
        '<td class="self" aria-label="same delegation">·</td>'
        '<td class="heat heat-2" data-first="&lt;A&gt;" data-second="B">'
        '<span class="figure">50.0%</span> <span class="n">n=4</span></td>'
    )
    assert first == {"code": "<A>"} and second == {"code": "B"}
