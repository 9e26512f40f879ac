"""Charts of rates show the differences a school looks for: groups beside national as dots on an axis
fitted to the figures (not bars from 0, where 93% and 95% look alike), the 360's gaps drawn directly in
points, and a heat map whose colours tell 95% from 60%."""

from __future__ import annotations

import bisect

from rollbook.charts.attendance import absence_heatmap, beside_national, gaps

GROUPS = [
    {"label": "Year 7", "school": {"attendance_rate": 93.0}, "national": {"attendance_rate": 95.0}},
    {"label": "Year 8", "school": {"attendance_rate": 94.5}, "national": {"attendance_rate": 94.0}},
]


def test_groups_beside_national_are_dots_on_a_fitted_axis():
    spec = beside_national(GROUPS, "Attendance by year group")
    assert spec["mark"]["type"] == "point"
    assert spec["encoding"]["y"]["scale"]["zero"] is False
    assert [row["value"] for row in spec["data"]["values"]] == [93.0, 95.0, 94.5, 94.0]


def test_the_360s_gaps_are_drawn_in_points_coloured_by_reading():
    groups = [
        {"label": "Year 7", "difference": {"points": -2.0, "shade": "shade-worse-2"}},
        {"label": "Year 8", "difference": {"points": 0.5, "shade": ""}},
        {"label": "Year 9", "difference": None},
    ]
    rows = gaps(groups, "Attendance against National", "National")["data"]["values"]
    assert [(row["group"], row["points"], row["reading"]) for row in rows] == [
        ("Year 7", -2.0, "Worse"),
        ("Year 8", 0.5, "Within a point"),
    ]


def test_the_heat_map_tells_95_from_60():
    scale = absence_heatmap([{"name": "Pat", "weeks": {"2024-09-09": 60.0}}])["encoding"]["color"]["scale"]
    assert scale["type"] == "threshold"

    def colour(rate: float) -> str:  # how Vega reads a threshold scale: the band the rate falls in
        return scale["range"][bisect.bisect_right(scale["domain"], rate)]

    assert colour(60.0) == colour(79.9) != colour(95.0) == colour(99.9) != colour(100.0)
    assert colour(49.9) != colour(60.0)
