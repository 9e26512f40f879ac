"""Staff without pupil-level access see no figures for groups of a few pupils, on the page, in downloads and
from the API; pupil-level staff see them all. Alder's two pupils are one group of each kind."""

from __future__ import annotations

import csv
import io

YEAR_GROUPS = "/schools/100001/attendance/year-groups/"


def test_a_school_level_member_sees_a_dash_and_the_reason(world):
    response = world.client_for(world.alice).get(YEAR_GROUPS)
    (year_8,) = response.context["result"]["year_groups"]
    assert year_8["school"]["pupils"] == 2 and year_8["school"]["attendance_rate"] is None
    assert "Groups of fewer than 5 pupils show a dash" in response.content.decode()


def test_the_download_carries_no_figure_either(world):
    response = world.client_for(world.alice).get(YEAR_GROUPS, {"format": "csv"})
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert row["Attendance %"] == "" and row["Pupils"] == "2"


def test_a_pupil_level_member_sees_the_figures(world):
    (year_8,) = world.client_for(world.pam).get(YEAR_GROUPS).context["result"]["year_groups"]
    assert year_8["school"]["attendance_rate"] == 80.0


def test_filters_choosing_a_few_pupils_are_refused_on_the_page_and_the_api(world):
    client = world.client_for(world.alice)
    page = client.get("/schools/100001/attendance/", {"year_group": 8})
    assert page.status_code == 400 and "These filters choose 2 pupils" in page.content.decode()
    api = client.get("/api/v1/schools/100001/attendance/summary", {"year_group": 8})
    assert api.status_code == 400 and "These filters choose 2 pupils" in api.json()["detail"]
