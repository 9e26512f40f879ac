"""The curriculum reports on the hand-worked nation (tests/support/ks4.py), as Alder's staff with and without
pupil-level access meet them; every figure worked out here.

With three pupils every subject's prior-attainment groups are too thin to stand alone, so each subject's
national estimate is its entrants' mean points. Alder's residuals, written out:

- maths: A1 5 - 5 = 0, A2 3 - 5 = -2: value added -1; sigma sqrt(8/3) (B1's +2 too), so the interval is
  -1 +/- 1.96 sqrt(8/3) / sqrt(2), which holds 0: in line.
- English language: estimate (6 + 4 + 7) / 3 = 17/3; A1 +1/3, A2 -5/3: value added -2/3.
- art: estimate (7 + 2) / 2 = 4.5; A1 +2.5, A2 -2.5: value added 0.
- maths as an EBacc area is maths; English as an area is A1 alone (A2 sat one English): 6 - 7 = -1.
"""

from __future__ import annotations

import csv
import io
import math

import pytest

from rollbook.web.audit.models import AccessRecord

ENTRIES = "/schools/100001/subjects/"
VALUE_ADDED = "/schools/100001/subjects/value-added/"
DIFFICULTY = "/schools/100001/subjects/difficulty/"


def by_subject(rows: list[dict]) -> dict[str, dict]:
    return {row["subject"]: row for row in rows}


def test_entry_shares_beside_national_and_the_ebacc_barrier(ks4_world):
    data = ks4_world.client_for(ks4_world.alice).get(ENTRIES, {"format": "json"}).json()["entries"]
    subjects = by_subject(data["subjects"])
    assert (subjects["maths"]["share"], subjects["maths"]["national_share"]) == (100, 100)
    assert subjects["english_literature"]["share"] == 50
    assert subjects["english_literature"]["national_share"] == pytest.approx(200 / 3)
    assert subjects["music"]["area"] == "" and subjects["french"]["area"] == "languages"
    assert data["subjects_per_pupil"] == 6  # A1 nine subjects, A2 three
    assert data["qualifications_per_pupil"] == 6.5  # combined science counts twice
    assert by_subject(data["areas"])["English"]["share"] == 50
    # A2 alone is not entered, missing four areas: the tie goes to the EBacc's order, English first.
    assert data["barrier"] == {"area": "English", "not_entered": 1, "missing": 1, "only_missing": 0,
                               "share": 50.0, "national_share": pytest.approx(200 / 3)}  # fmt: skip


def test_subject_value_added_with_its_interval_and_significance_apart(ks4_world):
    data = ks4_world.client_for(ks4_world.pam).get(VALUE_ADDED, {"format": "json"}).json()
    subjects = by_subject(data["subjects"])
    maths = subjects["maths"]
    assert (maths["entrants"], maths["average_points"], maths["national_points"]) == (2, 4, 5)
    assert (maths["grade_4"], maths["grade_5"], maths["grade_7"]) == (50, 50, 0)
    half = 1.96 * math.sqrt(8 / 3) / math.sqrt(2)
    assert maths["value_added"]["value_added"] == pytest.approx(-1)
    assert maths["value_added"]["ci_low"] == pytest.approx(-1 - half)
    assert maths["value_added"]["ci_high"] == pytest.approx(-1 + half)
    assert maths["value_added"]["significance"] == "in line"
    assert maths["three_year"]["value_added"] == pytest.approx(-1)  # one year held: the same figure
    assert subjects["english_language"]["value_added"]["value_added"] == pytest.approx(-2 / 3)
    assert subjects["art_and_design"]["value_added"]["value_added"] == pytest.approx(0)
    areas = by_subject(data["areas"])
    assert areas["English"]["value_added"]["value_added"] == pytest.approx(-1)
    assert areas["maths"]["value_added"]["value_added"] == pytest.approx(-1)
    assert data["measured_as"] == ["Subject value added (from KS2 fine levels)"]


def test_school_level_staff_see_no_figures_of_a_handful_of_entrants(ks4_world):
    data = ks4_world.client_for(ks4_world.alice).get(VALUE_ADDED, {"format": "json"}).json()
    maths = by_subject(data["subjects"])["maths"]
    assert maths["value_added"] is None and maths["average_points"] is None
    assert "fewer than" in maths["suppressed"] and maths["entrants"] == 2


def test_subjects_hardest_first_with_the_schools_marked(ks4_world):
    data = ks4_world.client_for(ks4_world.pam).get(DIFFICULTY, {"format": "json"}).json()
    first, second = data["subjects"][:2]
    # Music: A1's 3 against the mean 42/8 of their other subjects, 2.25 lower; computer science: B1's 5
    # against 56/8, 2 lower.
    assert (first["subject"], first["entrants"]) == ("music", 1)
    assert first["difficulty"] == pytest.approx(2.25) and first["pair_difficulty"] is None
    assert (second["subject"], second["entrants"]) == ("computer_science", 0)
    assert second["relative_performance"] is None
    maths = by_subject(data["subjects"])["maths"]
    # Alder's maths residuals (0 and 0) against the national mean residual (0 + 0 + 0.25) / 3.
    assert maths["relative_performance"]["value_added"] == pytest.approx(-0.25 / 3)


def test_the_pages_downloads_and_their_tabs(ks4_world):
    client = ks4_world.client_for(ks4_world.pam)
    for address in (ENTRIES, VALUE_ADDED, DIFFICULTY):
        page = client.get(address)
        assert page.status_code == 200, address
        assert 'href="/schools/100001/subjects/difficulty/' in page.content.decode()
    response = client.get(VALUE_ADDED, {"format": "csv"})
    assert "100001-subjects-value-added-2018" in response["Content-Disposition"]
    rows = {row["Subject"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert float(rows["Mathematics"]["Value added"]) == pytest.approx(-1)
    assert client.get(ENTRIES, {"format": "xlsx"}).status_code == 200
    assert not AccessRecord.objects.filter(what__contains="subjects").exists()  # no pupil is named


def test_another_school_sees_none_of_it(ks4_world):
    assert ks4_world.client_for(ks4_world.bob).get(ENTRIES).status_code == 404
    assert ks4_world.client_for(ks4_world.trudy).get(DIFFICULTY).status_code == 200


def test_the_subject_dashboard_needs_pupil_level_access(ks4_world):
    assert ks4_world.client_for(ks4_world.alice).get(f"{ENTRIES}subject/").status_code == 403


def test_the_subject_dashboard_lists_each_entrant_and_each_groups_value_added(ks4_world):
    client = ks4_world.client_for(ks4_world.pam)
    data = client.get(f"{ENTRIES}subject/", {"format": "json", "subject": "maths"}).json()["dashboard"]
    assert [(p["upn"], p["points"], p["expected"], p["residual"]) for p in data["pupils"]] == [
        ("A1000000000001", 5, 5, 0), ("A2000000000002", 3, 5, -2)]  # fmt: skip
    groups = {(g["grouping"], g["group"]): g["value_added"]["value_added"] for g in data["groups"]}
    assert groups["Sex", "Girls"] == 0 and groups["Sex", "Boys"] == -2  # A1 a girl, A2 a boy
    assert groups["Disadvantaged (FSM6)", "Disadvantaged"] == -2
    assert data["estimates"] == [{"group": 3.1, "points": 5}]  # one group: the thin ones joined
    (record,) = AccessRecord.objects.filter(what__contains="subjects")
    assert record.user == ks4_world.pam
    assert client.get(f"{ENTRIES}subject/").status_code == 200  # the most entered subject by default
    assert client.get(f"{ENTRIES}subject/", {"subject": "physics"}).status_code == 400
