"""Filters choose which schools a family can come from (a coded field, a range, distance in km from the
chosen school), and the criteria are standardised over those schools only."""

from __future__ import annotations

import math

import pytest

from rollbook.analytics.public.similar import family
from rollbook.rules.public.family import FamilySettings
from tests.support.public_world import world

FSM6, PUPILS = "FSM6, %", "KS4 pupils, 2019"


def school(urn, fsm6, pupils, region, east, north) -> dict:
    return {"URN": urn, "School name": f"School {urn}", FSM6: fsm6, PUPILS: pupils, "Region": region,
            "Easting": east, "Northing": north}  # fmt: skip


SCHOOLS = [
    school(101, 20, 100, "London", 500_000, 200_000),
    school(102, 30, 100, "London", 503_000, 204_000),  # 5 km away (a 3-4-5 triangle)
    school(103, 20, 140, "London", 510_000, 200_000),  # 10 km
    school(104, 10, 300, "North West", 500_000, 250_000),  # 50 km
    school(105, 25, 120, None, None, None),
]


@pytest.fixture
def store(data_dir):
    return world(data_dir, sly=SCHOOLS)


def members(store, *filters: str, show: tuple[str, ...] = ()) -> list:
    settings = FamilySettings.choose(101, 2019, criteria=[FSM6, PUPILS], filters=filters, shown=show)
    return list(family(settings, store).members)


def urns(found: list) -> list[int]:
    """The schools kept, in URN order: which schools pass, whatever their Difference."""
    return sorted(member.urn for member in found)


def test_a_coded_field_keeps_its_values_and_standardises_over_them(store):
    found = members(store, "region=london")

    assert [member.urn for member in found] == [101, 102, 103]
    # Over the three London schools FSM6 has SD 10√2/3 and pupils 40√2/3, so 102 (10 points) and 103 (40
    # pupils) are equally far: 3/√2 each, ties in URN order.
    assert [member.difference for member in found[1:]] == pytest.approx([3 / math.sqrt(2)] * 2)


def test_distance_keeps_schools_within_so_many_km(store):
    assert urns(members(store, "Distance=8")) == [101, 102]
    assert urns(members(store, "Distance=5..10")) == [101, 102, 103]


def test_distance_from_the_school_is_shown_in_km(store):
    found = members(store, "Distance=60", show=("Distance",))

    assert {member.urn: member.values["Distance"] for member in found} == pytest.approx(
        {101: 0, 102: 5, 103: 10, 104: 50}
    )


def test_a_range_of_a_figure(store):
    assert urns(members(store, "KS4 pupils, 2019=..120")) == [101, 102, 105]


def test_a_school_without_a_value_for_a_filtered_field_is_not_kept(store):
    assert 105 not in [member.urn for member in members(store, "Region=London|North West")]


def test_a_distance_filter_needs_the_schools_grid_reference(store):
    settings = FamilySettings.choose(105, 2019, criteria=[FSM6], filters=["Distance=10"])

    with pytest.raises(ValueError, match="School 105 has no grid reference"):
        family(settings, store)
