"""On a nation with planted effects (tests/support/planted.py: one school's combined science graded a grade
above what its pupils' prior attainment predicts, music graded a grade below pupils' other subjects
everywhere), the curriculum reports and the areas of interest find exactly that."""

from __future__ import annotations

import pytest

from rollbook import config
from rollbook.analytics.results import national
from rollbook.web.accounts.models import Membership
from rollbook.web.schools.models import School
from tests.support.planted import SCIENCE_SCHOOL, write_planted_nation


@pytest.fixture
def planted(world):
    write_planted_nation(world.lake)
    national.publish(world.lake, config.ks4_national_root())
    school = School.objects.create(urn=SCIENCE_SCHOOL, la_code=823, estab=4100, name="Planted School")
    Membership.objects.create(user=world.pam, school=school, pupil_level=True)
    return world.client_for(world.pam)


def test_science_is_significantly_above_and_the_schools_largest(planted):
    data = planted.get(f"/schools/{SCIENCE_SCHOOL}/subjects/value-added/", {"format": "json"}).json()
    found = {row["subject"]: row["value_added"] for row in data["subjects"]}
    science = found["combined_science"]
    assert science["significance"] == "significantly above"
    assert science["value_added"] == pytest.approx(1, abs=0.3)
    assert max(found, key=lambda subject: found[subject]["value_added"]) == "combined_science"


def test_music_is_at_the_top_of_the_difficulty_chart(planted):
    data = planted.get(f"/schools/{SCIENCE_SCHOOL}/subjects/difficulty/", {"format": "json"}).json()
    hardest = data["subjects"][0]
    assert hardest["subject"] == "music" and hardest["difficulty"] == pytest.approx(1, abs=0.3)
    assert hardest["pair_difficulty"] == pytest.approx(1, abs=0.3)  # the check agrees


def test_a_sentence_says_science_value_added_is_high(planted):
    data = planted.get(f"/schools/{SCIENCE_SCHOOL}/insight/", {"format": "json"}).json()
    ks4 = next(section for section in data["sections"] if section["section"] == "Key stage 4")
    (sentence,) = [s for s in ks4["sentences"] if s["rule"] == "areas_above"]
    assert sentence["text"].startswith("Value added in science (+")
    assert "in the highest 20% and significantly above the national average in 2018/19" in sentence["text"]
