"""A family is ranked by Difference: the straight-line distance from the chosen school once each criterion
is divided by its standard deviation over the eligible schools, so no criterion's units rule."""

from __future__ import annotations

import math

import pytest

from rollbook.analytics.public.similar import family
from rollbook.rules.public.family import FamilySettings
from tests.support.public_world import world

FSM6, PUPILS = "FSM6, %", "KS4 pupils, 2019"


def school(urn: int, fsm6: float | None, pupils: int, **more) -> dict:
    return {"URN": urn, "School name": f"School {urn}", FSM6: fsm6, PUPILS: pupils, **more}


#: School 101 is the chosen one. In raw units 102 is nearer (10 FSM6 points against 40 pupils), but FSM6 %
#: varies little between these schools and size a lot.
SCHOOLS = [school(101, 20, 100), school(102, 30, 100), school(103, 20, 140), school(104, 10, 300)]
# Over the four: FSM6 mean 20, squared deviations 0 + 100 + 0 + 100 = 200, SD √(200/4) = √50;
# pupils mean 160, squared deviations 3,600 + 3,600 + 400 + 19,600 = 27,200, SD √(27,200/4) = √6,800.
SD_FSM6, SD_PUPILS = math.sqrt(50), math.sqrt(6800)


def settings(*criteria: str, top: int = 20) -> FamilySettings:
    return FamilySettings.choose(101, 2019, criteria=criteria or [FSM6, PUPILS], top=top)


def test_the_family_is_nearest_first_in_standard_units(data_dir):
    found = family(settings(), world(data_dir, sly=SCHOOLS))

    assert [member.urn for member in found.members] == [101, 103, 102, 104]
    assert [member.difference for member in found.members] == pytest.approx(
        [
            0,
            40 / SD_PUPILS,  # 0.485: 40 pupils, 0 FSM6 points
            10 / SD_FSM6,  # 1.414: 10 FSM6 points, 0 pupils
            math.sqrt((10 / SD_FSM6) ** 2 + (200 / SD_PUPILS) ** 2),  # 2.807
        ]
    )
    assert found.spread == pytest.approx({FSM6: SD_FSM6, PUPILS: SD_PUPILS})
    assert (found.eligible, found.lacking) == (3, 0)


def test_a_criterion_on_which_every_school_agrees_counts_for_nothing(data_dir):
    same = [{**row, "EAL, %": 12.5} for row in SCHOOLS]

    found = family(settings(FSM6, PUPILS, "EAL, %"), world(data_dir, sly=same))

    assert [member.urn for member in found.members] == [101, 103, 102, 104]
    assert found.members[1].difference == pytest.approx(40 / SD_PUPILS)


def test_a_school_lacking_a_criterion_is_left_out_and_counted(data_dir):
    found = family(settings(), world(data_dir, sly=[*SCHOOLS, school(105, None, 100)]))

    assert 105 not in [member.urn for member in found.members]
    assert (found.eligible, found.lacking) == (3, 1)
    assert found.spread == pytest.approx({FSM6: SD_FSM6, PUPILS: SD_PUPILS}), "its pupils count in no SD"


def test_the_chosen_school_lacking_a_criterion_is_refused(data_dir):
    store = world(data_dir, sly=[school(101, None, 100), *SCHOOLS[1:]])

    with pytest.raises(ValueError, match="School 101 has no FSM6, %, so cannot be compared on it"):
        family(settings(), store)


def test_top_is_how_many_schools_besides_the_chosen_one(data_dir):
    found = family(settings(top=2), world(data_dir, sly=SCHOOLS))

    assert [member.urn for member in found.members] == [101, 103, 102]


def test_a_school_not_in_the_data_set_is_not_found(data_dir):
    store = world(data_dir, sly=SCHOOLS)

    with pytest.raises(LookupError, match="URN 999 is not in Schools Like Yours 2019"):
        family(FamilySettings.choose(999, 2019, criteria=[FSM6]), store)
