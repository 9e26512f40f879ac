"""The Ofsted table: for each latest rating, the state-funded mainstream schools with a published Progress 8,
and the mean of their own figures, each school counting once whatever its size."""

from __future__ import annotations

import pytest

from rollbook.analytics.public.areas import Area
from rollbook.analytics.public.ofsted import ofsted_table, rating_spread
from tests.support.public_world import world


def school(urn, basics, entry, ebacc, a8, p8, pupils=150, **more) -> dict:
    figures = {"basics_4_rate": basics, "ebacc_entry_rate": entry, "ebacc_4_rate": ebacc, "attainment8": a8}
    return {"urn": urn, "name": f"School {urn}", "ks4_pupils": pupils, "progress8": p8, **figures, **more}


KS4 = [
    school(1, 80, 60, 40, 55.0, 0.5, pupils=300),
    school(2, 70, None, 30, 50.0, 0.3, pupils=50),  # EBacc entry suppressed
    school(3, 90, 90, 90, 70.0, None),  # no Progress 8: not counted at all
    school(4, 60, 40, 20, 45.0, -0.1),
    school(5, 10, 10, 10, 10.0, -2.0),  # no rating
    school(6, 10, 10, 10, 10.0, -2.0, record_type="2"),  # a special school
    school(7, 10, 10, 10, 10.0, -2.0, school_type="IND"),  # independent
]
GRADES = {1: 1, 2: 1, 3: 2, 4: 2, 5: None, 6: 4, 7: 4}


def test_each_figure_is_the_mean_of_the_schools_own(data_dir):
    rows = ofsted_table(2019, Area.england(), world(data_dir, KS4, ofsted=GRADES))

    outstanding, good, requires_improvement, inadequate = rows
    # Outstanding: schools 1 and 2, unweighted (school 1 has six times the pupils); entry from school 1 alone.
    assert (outstanding.rating, outstanding.schools) == ("Outstanding", 2)
    assert (outstanding.basics_4_rate, outstanding.ebacc_entry_rate, outstanding.ebacc_4_rate) == (75, 60, 35)
    assert (outstanding.attainment8, outstanding.progress8) == pytest.approx((52.5, 0.4))
    assert (good.schools, good.basics_4_rate, good.attainment8, good.progress8) == (1, 60, 45, -0.1)
    assert [(row.rating, row.schools, row.progress8) for row in (requires_improvement, inadequate)] == [
        ("Requires improvement", 0, None),
        ("Inadequate", 0, None),
    ]


def test_a_rating_the_ratings_file_lacks_is_taken_from_schools_like_yours(data_dir):
    sly = [{"URN": 5, "Ofsted rating": "Requires improvement"}, {"URN": 4, "Ofsted rating": "Outstanding"}]

    rows = ofsted_table(2019, Area.england(), world(data_dir, KS4, ofsted=GRADES, sly=sly))

    # School 5 has no grade in the ratings file, so Schools Like Yours gives it one; school 4 keeps the
    # ratings file's Good.
    assert [row.schools for row in rows] == [2, 1, 1, 0]
    assert rows[2].progress8 == -2.0


def test_an_area_counts_only_its_own_schools(data_dir):
    ks4 = [{**KS4[0], "la_code": 352}, *KS4[1:]]

    rows = ofsted_table(2019, Area.local_authority(352), world(data_dir, ks4, ofsted=GRADES))

    assert [row.schools for row in rows] == [1, 0, 0, 0]


def test_the_spread_within_each_rating(data_dir):
    ks4 = [*KS4, school(8, 50, 50, 50, 50.0, 0.9), school(9, 50, 50, 50, 50.0, -0.7)]

    spread = rating_spread(
        2019, Area.england(), "progress8", world(data_dir, ks4, ofsted={**GRADES, 8: 1, 9: 1})
    )

    outstanding = spread[0]
    assert (outstanding.schools, outstanding.lowest, outstanding.median, outstanding.highest) == (
        4,
        -0.7,
        0.4,
        0.9,
    )
    assert spread[3].schools == 0 and spread[3].median is None
