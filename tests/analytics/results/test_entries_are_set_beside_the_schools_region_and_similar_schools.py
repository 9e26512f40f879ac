"""A school's subject entries beside its region and its similar schools, from each school's entries
published with the national subject figures, on the hand-worked nation of tests/support/ks4.py.

Alder (A1, A2) beside a region of Alder and Birch (B1), and beside similar schools of Birch alone:

- English literature: A1 and B1 of three pupils, 66.7% in the region; B1 of one, 100% among similar schools.
- French: A1 alone, 33.3% in the region, 0% among similar schools (B1 took Spanish).
- Languages as an EBacc area: A1 (French) and B1 (Spanish), 66.7% in the region, 100% among similar.
"""

from __future__ import annotations

import pytest

from rollbook.analytics.results import national, subjects
from rollbook.analytics.results.curriculum import entries
from rollbook.analytics.results.school import measured
from tests.support.ks4 import ALDER, BIRCH, YEAR, write_ks4_nation

GROUPS = {"region": ("North West", [ALDER, BIRCH]), "similar": (str(ALDER), [BIRCH])}


@pytest.fixture
def nation(lake, data_dir):
    write_ks4_nation(lake)
    national.publish(lake, data_dir / "ks4-national")
    figures, _ = subjects.latest(data_dir / "ks4-national", YEAR)
    published = national.latest(data_dir / "ks4-national", YEAR)
    return figures, measured(lake, ALDER, YEAR, published).pupils


def by_item(rows: list[dict]) -> dict[str, dict]:
    return {row["subject"]: row for row in rows}


def test_each_schools_pupils_and_entrants_are_published(nation):
    figures, _ = nation
    birch = figures.school_entries[str(BIRCH)]
    assert birch["pupils"] == 1 and birch["subjects"]["spanish"] == 1 and "french" not in birch["subjects"]
    assert figures.school_entries[str(ALDER)]["subjects"]["art_and_design"] == 2


def test_shares_beside_the_region_and_similar_schools(nation):
    figures, pupils = nation
    found = entries(pupils, [figures], GROUPS, min_schools=1)
    subjects_found, areas = by_item(found["subjects"]), by_item(found["areas"])
    literature, french = subjects_found["english_literature"], subjects_found["french"]
    assert literature["region_share"] == pytest.approx(200 / 3) and literature["similar_share"] == 100
    assert french["region_share"] == pytest.approx(100 / 3) and french["similar_share"] == 0
    assert areas["languages"]["region_share"] == pytest.approx(200 / 3)
    assert areas["languages"]["similar_share"] == 100
    assert found["beside"] == [
        {"kind": "region", "name": "North West", "schools": 2, "pupils": 3, "shown": True},
        {"kind": "similar", "name": "Similar schools", "schools": 1, "pupils": 1, "shown": True},
    ]


def test_a_group_of_too_few_schools_is_named_but_given_no_shares(nation):
    figures, pupils = nation
    found = entries(pupils, [figures], GROUPS, min_schools=2)
    literature = by_item(found["subjects"])["english_literature"]
    assert literature["region_share"] == pytest.approx(200 / 3) and literature["similar_share"] is None
    assert [group["shown"] for group in found["beside"]] == [True, False]


def test_three_years_pool_each_groups_cohorts(nation):
    figures, pupils = nation
    found = entries(pupils + pupils, [figures, figures], GROUPS, min_schools=1)
    literature = by_item(found["subjects"])["english_literature"]
    assert literature["region_share"] == pytest.approx(200 / 3)  # 4 of 6 pupils
    assert found["beside"][0]["pupils"] == 6 and found["beside"][0]["schools"] == 2


def test_schools_holding_no_results_add_nothing(nation):
    figures, pupils = nation
    found = entries(pupils, [figures], {"similar": ("", [BIRCH, 999999])}, min_schools=1)
    assert found["beside"][0]["schools"] == 1
    assert by_item(found["subjects"])["french"]["similar_share"] == 0  # Birch alone: no French
