"""Similar schools: the nearest others once each measure is standardised, so no one measure's units rule."""

from __future__ import annotations

from rollbook.analytics.comparators.similar import nearest_schools


def profile(school: int, fsm6: float, pupils: int) -> dict[str, float]:
    return {"school": school, "fsm6_pct": fsm6, "pupils_on_roll": pupils}


def test_standardising_weighs_each_measure_by_its_own_spread():
    # School 1 is 30 FSM6 points from school 2 and 40 pupils from school 3: in raw units 2 is nearer.
    # But FSM6 varies little across these schools (SD 12 points) and size a lot (SD 316 pupils), so in
    # standard units 2 is 2.5 away and 3 only 0.13: school 3 is the similar one.
    profiles = [profile(1, 10, 1000), profile(2, 40, 1000), profile(3, 10, 1040), profile(4, 10, 1500),
                profile(5, 10, 500)]  # fmt: skip
    assert nearest_schools(profiles, ["fsm6_pct", "pupils_on_roll"], k=1)[1] == [3]


def test_a_school_is_never_its_own_neighbour_and_ties_go_to_the_lower_urn():
    profiles = [profile(5, 20, 900), profile(6, 20, 900), profile(7, 20, 900)]
    assert nearest_schools(profiles, ["fsm6_pct", "pupils_on_roll"], k=2) == {5: [6, 7], 6: [5, 7], 7: [5, 6]}


def test_one_school_has_no_neighbours():
    assert nearest_schools([profile(1, 10, 1000)], ["fsm6_pct"], k=3) == {1: []}


def test_asking_for_more_neighbours_than_there_are_gives_all_the_others():
    profiles = [profile(1, 10, 1000), profile(2, 20, 900), profile(3, 30, 800)]
    assert nearest_schools(profiles, ["fsm6_pct", "pupils_on_roll"], k=20) == {
        1: [2, 3],
        2: [1, 3],
        3: [2, 1],
    }
