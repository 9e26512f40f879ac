"""Schools Like Yours names fields by the years they describe: the same list serves any results year."""

from __future__ import annotations

import pytest

from rollbook.rules.public.schools_like_yours import (
    clean_name,
    criteria_fields,
    default_criteria,
    results_year,
    sly_field,
)


def test_the_defaults_are_the_tools_own_criteria():
    assert default_criteria(2019) == (
        "FSM6, %",
        "EAL, %",
        "KS4 pupils, 2019",
        "Prior (KS2) attainment, 2019",
        "Income, 2019",
    )


def test_a_later_year_names_its_own_years():
    assert sly_field(2023, "progress 8, 2022").name == "Progress 8, 2022"
    with pytest.raises(KeyError):
        sly_field(2023, "Progress 8, 2019")


def test_distance_and_names_are_not_criteria():
    names = {each.name for each in criteria_fields(2019)}
    assert "Distance" not in names and "School name" not in names and "Region" not in names
    assert "Attainment 8, 2019" in names


def test_the_year_of_a_file_is_the_latest_its_ks4_pupils_fields_name():
    assert results_year(["URN", "KS4 pupils, 2019", "KS4 pupils, 2018"]) == 2019
    assert results_year(["URN"]) is None


def test_invisible_break_characters_are_not_part_of_a_name():
    assert clean_name("Other/\u200bunknown ethnicity, %") == "Other/unknown ethnicity, %"
