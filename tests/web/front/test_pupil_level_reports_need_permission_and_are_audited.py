"""Reports that name pupils need pupil-level access; every read of one (page, download, API) is recorded."""

from __future__ import annotations

import pytest

from rollbook.web.audit.models import AccessRecord, Kind

PAGE = "/schools/100001/attendance/pupil-list/"
API = "/api/v1/schools/100001/attendance/pupil-list"

#: Pupil-level reads (sign-ins and permission changes are recorded too, but are not the subject here).
READS = AccessRecord.objects.filter(kind=Kind.READ)


def test_a_member_without_pupil_level_access_is_told_why(world):
    response = world.client_for(world.alice).get(PAGE)
    assert response.status_code == 403
    assert b"This report names pupils" in response.content
    assert READS.count() == 0


def test_the_pupil_list_tab_shows_only_to_those_who_may_open_it(world):
    alice = world.client_for(world.alice).get("/schools/100001/attendance/").context["tabs"]
    pam = world.client_for(world.pam).get("/schools/100001/attendance/").context["tabs"]
    assert "pupil-list" not in [slug for slug, _ in alice]
    assert "pupil-list" in [slug for slug, _ in pam]


@pytest.mark.parametrize(("query", "form"), [("", "page"), ("?format=csv", "csv"), ("?format=xlsx", "xlsx")])
def test_each_read_is_recorded_with_who_what_and_where(world, query, form):
    response = world.client_for(world.pam).get(PAGE + query, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    (record,) = READS.all()
    assert (record.user, record.school, record.what) == (
        world.pam,
        world.alder,
        f"attendance pupil-list ({form})",
    )
    assert (record.path, record.address) == (PAGE + query, "10.1.2.3")


def test_the_api_applies_the_same_rule(world):
    assert world.client_for(world.alice).get(API).status_code == 403
    response = world.client_for(world.pam).get(API)
    assert response.status_code == 200
    assert [pupil["upn"] for pupil in response.json()["pupil_list"]] == ["B0000000002", "A0000000001"]
    assert READS.get().what == "attendance pupil-list (api)"


def test_the_list_names_each_pupil_with_their_figures(world):
    rows = world.client_for(world.pam).get(PAGE).context["result"]["pupil_list"]
    # B missed 4 of 10 sessions (60% attendance), A none: B first, with more weeks below 100%.
    assert [(row["name"], row["attendance_rate"], row["band"], row["weeks_below_100"]) for row in rows] == [
        ("B0000000002, Pat", 60.0, "50–89.9%", 1),
        ("A0000000001, Pat", 100.0, "100%", 0),
    ]
    assert rows[0]["persistently_absent"] and not rows[1]["at_risk"]


def test_the_latest_days_view_is_pupil_level_too_and_uses_the_schools_threshold(world):
    assert world.client_for(world.alice).get("/schools/100001/attendance/latest-days/").status_code == 403
    world.alder.consecutive_absence_days = 2
    world.alder.save()
    response = world.client_for(world.pam).get("/schools/100001/attendance/latest-days/")
    found = response.context["result"]["latest_days"]
    # B was ill (I) all Monday and Tuesday, then present: no run reaching the last day, so nobody listed.
    assert response.context["result"]["consecutive_days"] == 2
    assert found["absent_day_after_day"] == []
    assert READS.get().what == "attendance latest-days (page)"


def test_one_pupils_register_and_counts(world):
    # B: ill (I) Monday and Tuesday, present Wednesday to Friday of the week of 09/09/2024.
    response = world.client_for(world.pam).get("/schools/100001/attendance/pupil/", {"upn": "b0000000002"})
    pupil = response.context["result"]["pupil"]
    assert pupil["name"] == "Pat B0000000002"
    (week,) = pupil["grid"]
    assert week["cells"] == ["I", "I", "I", "I", "/", "\\", "/", "\\", "/", "\\"]
    assert {row["code"]: row["sessions"] for row in pupil["codes"]} == {"/": 3, "I": 4, "\\": 3}
    assert pupil["measures"]["attendance_rate"] == 60.0
    monday = pupil["by_weekday"][0]
    assert (monday["label"], monday["attendance_rate"]) == ("Monday morning", 0.0)
    assert READS.get().what == "attendance pupil B0000000002 (page)"


def test_an_unknown_pupil_is_not_found_in_plain_words(world):
    response = world.client_for(world.pam).get("/schools/100001/attendance/pupil/", {"upn": "Z9999999999"})
    assert response.status_code == 404
    assert b"Nothing to show: no pupil with UPN Z9999999999 is held for school 100001." in response.content
