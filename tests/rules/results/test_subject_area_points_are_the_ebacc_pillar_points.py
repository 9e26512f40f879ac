"""A pupil's points in a subject are its counted result's points per slot; in an EBacc subject area they are
the pillar points the EBacc average point score counts, for the areas the pupil is entered in."""

from __future__ import annotations

from rollbook.rules.results.ebacc import Area
from rollbook.rules.results.subject_points import area_points, subject_points
from tests.support.ks4_results import gcses


def points(rows) -> dict[str, float]:
    return {row.subject: row.points for row in rows}


def test_combined_science_counts_the_mean_of_its_grades():
    assert points(subject_points("p", gcses(combined_science="5-4", maths="6"))) == {
        "combined_science": 4.5, "maths": 6.0
    }  # fmt: skip


def test_areas_take_the_better_english_and_the_science_pillars_mean():
    results = gcses(english_language="6", english_literature="5", maths="7", biology="7", chemistry="6",
                    physics="5", history="6", french="4")  # fmt: skip
    assert points(area_points("p", results)) == {
        Area.ENGLISH: 6.0, Area.MATHS: 7.0, Area.SCIENCE: 6.5, Area.HUMANITIES: 6.0, Area.LANGUAGES: 4.0
    }  # fmt: skip


def test_an_area_the_pupil_is_not_entered_in_has_no_points():
    assert points(area_points("p", gcses(english_language="6", maths="5", biology="6"))) == {Area.MATHS: 5.0}
