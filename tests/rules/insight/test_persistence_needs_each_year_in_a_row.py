"""A two- or three-year sentence needs every test to hold in the latest year and each year before it, with
no gap and with enough pupils each year; one year of it gives the one-year sentence only."""

from __future__ import annotations

import dataclasses

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import Figure

SCIENCE = Figure("area_value_added", 2018, -0.5, 120, item="science", national=0.0, quintile=5,
                 interval=(-0.8, -0.2))  # fmt: skip


def fired(figure: Figure) -> list[str]:
    return [finding.rule.key for section in areas_of_interest([figure], 2018) for finding in section.findings]


def earlier(year: int, **changes) -> Figure:
    return dataclasses.replace(SCIENCE, year=year, **changes)


def test_one_year_gives_the_one_year_sentence():
    assert fired(SCIENCE) == ["areas_below"]


def test_two_years_give_the_two_year_sentence():
    assert fired(dataclasses.replace(SCIENCE, earlier=(earlier(2017),))) == ["areas_below_2y"]


def test_three_years_give_the_three_year_sentence():
    assert fired(dataclasses.replace(SCIENCE, earlier=(earlier(2017), earlier(2016)))) == ["areas_below_3y"]


def test_a_year_in_the_next_quintile_breaks_the_run():
    assert fired(dataclasses.replace(SCIENCE, earlier=(earlier(2017, quintile=4),))) == ["areas_below"]


def test_a_year_in_line_breaks_the_run():
    assert fired(dataclasses.replace(SCIENCE, earlier=(earlier(2017, interval=(-0.9, 0.0)),))) == [
        "areas_below"
    ]


def test_a_gap_year_breaks_the_run():
    assert fired(dataclasses.replace(SCIENCE, earlier=(earlier(2016),))) == ["areas_below"]


def test_a_year_of_10_pupils_breaks_the_run():
    assert fired(dataclasses.replace(SCIENCE, earlier=(earlier(2017, pupils=10),))) == ["areas_below"]
