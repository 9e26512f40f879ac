"""England's and each region's figures are their state-funded schools' figures weighted by pupils; the
disadvantaged gap comes from the KS4 file's split where it has one, else from Schools Like Yours."""

from __future__ import annotations

import pytest

from rollbook.analytics.public.trends import trends
from tests.support.public_world import world

KS4 = [
    {"urn": 1, "la_code": 202, "ks4_pupils": 100, "attainment8": 50.0, "p8_pupils": 90, "progress8": 0.5,
     "disadvantaged_pupils": 20, "disadvantaged_attainment8": 40.0, "other_attainment8": 52.5},
    {"urn": 2, "la_code": 202, "ks4_pupils": 300, "attainment8": 40.0, "p8_pupils": 10, "progress8": -0.5,
     "disadvantaged_pupils": 100, "disadvantaged_attainment8": 35.0, "other_attainment8": 42.5},
    {"urn": 3, "la_code": 352, "ks4_pupils": 10, "attainment8": 10.0, "record_type": "2"},  # special
]  # fmt: skip


def by_area(rows) -> dict:
    return {row.area: row for row in rows}


def test_figures_are_weighted_by_pupils(data_dir):
    found = by_area(trends(world(data_dir, KS4)))

    london, england = found["London"], found["England"]
    assert (london.schools, london.pupils) == (2, 400)
    assert london.attainment8 == pytest.approx((100 * 50 + 300 * 40) / 400)  # 42.5
    assert london.progress8 == pytest.approx((90 * 0.5 - 10 * 0.5) / 100)  # 0.4, by Progress 8 pupils
    assert england.attainment8 == pytest.approx((5000 + 12000 + 10 * 10) / 410)  # the special school counts
    assert set(found) == {"England", "London", "North West"}


def test_the_disadvantaged_gap_from_the_ks4_file(data_dir):
    london = by_area(trends(world(data_dir, KS4)))["London"]

    disadvantaged = (20 * 40 + 100 * 35) / 120
    others = (80 * 52.5 + 200 * 42.5) / 280
    assert (london.disadvantaged_attainment8, london.other_attainment8) == pytest.approx(
        (disadvantaged, others)
    )
    assert london.disadvantaged_gap == pytest.approx(others - disadvantaged)  # 9.5 points
    assert london.gap_source == "KS4 results file"
    assert london.sex_gap is None


def test_the_disadvantaged_gap_from_schools_like_yours(data_dir):
    ks4 = [
        {key: value for key, value in row.items() if "disadvantaged" not in key and "other" not in key}
        for row in KS4
    ]
    sly = [
        {"URN": 1, "Region": "London", "KS4 pupils, 2019": 100, "KS4 PP pupils, 2019": 20,
         "Attainment 8, 2019": 50.0, "PP Attainment 8, 2019": 40.0},
        {"URN": 2, "Region": "London", "KS4 pupils, 2019": 300, "KS4 PP pupils, 2019": 100,
         "Attainment 8, 2019": 40.0, "PP Attainment 8, 2019": 35.0},
    ]  # fmt: skip

    london = by_area(trends(world(data_dir, ks4, sly=sly)))["London"]

    # Others' points are the whole school's less the disadvantaged pupils': (17,000 - 4,300) / 280.
    assert (london.disadvantaged_attainment8, london.other_attainment8) == pytest.approx(
        (4300 / 120, 12700 / 280)
    )
    assert london.gap_source == "Schools Like Yours"


def test_each_year_loaded_is_a_point_of_the_trend(data_dir):
    world(data_dir, KS4, year=2018)
    store = world(data_dir, [{**row, "attainment8": 60.0} for row in KS4], year=2019)

    england = [row for row in trends(store) if row.area == "England"]

    assert [(row.year, row.attainment8) for row in england] == [
        (2018, pytest.approx(17100 / 410)),
        (2019, 60.0),
    ]
