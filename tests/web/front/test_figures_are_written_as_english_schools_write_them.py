"""Counts carry thousands separators and gaps a sign, as English schools write them: the filters, and a
report table that uses them."""

from __future__ import annotations

from django.template.loader import render_to_string

from rollbook.web.front.templatetags.rollbook import count, gap


def test_counts_have_thousands_separators():
    assert [count(8940), count(1_234_567), count(905), count(0), count(None)] == [
        "8,940",
        "1,234,567",
        "905",
        "0",
        "–",
    ]


def test_gaps_are_signed_points_to_one_place():
    # 0.04 rounds to 0.0, which has no sign; 1.25 rounds half-up to 1.3.
    assert [gap({"points": 1.25}), gap({"points": -0.7}), gap({"points": -0.04}), gap(None)] == [
        "+1.3",
        "\u22120.7",
        "0.0",
        "",
    ]


def test_a_groups_pupils_are_counted_with_a_separator():
    group = {"label": "Year 7", "school": {"pupils": 1143, "attendance_rate": 91.9}, "national": None}
    table = render_to_string(
        "front/_group_table.html", {"groups": [group], "group_measures": ["attendance_rate"]}
    )
    assert '<td class="num">1,143</td>' in table
