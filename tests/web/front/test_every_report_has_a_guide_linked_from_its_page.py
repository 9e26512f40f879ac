"""Each attendance report links to its guide: what it shows, how its figures are worked out and, where it
shades, the shading key."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from rollbook.analytics import reports

ATTENDANCE = [report.name for report in reports.of("attendance")]
#: What a report needs in its address to open: the pupil report, which pupil.
NEEDS = {"pupil": {"upn": "B0000000002"}}
SHADED = {"summary", "360", "year-groups", "pupil-groups", "registration-groups", "absence", "weekday"}


@pytest.mark.parametrize("name", ATTENDANCE)
def test_the_report_page_links_its_guide_and_the_guide_explains_it(world, name):
    client = world.client_for(world.pam)
    guide = f"/schools/100001/attendance/{name}/about/"
    assert (
        f'href="{guide}"'
        in client.get(f"/schools/100001/attendance/{name}/", NEEDS.get(name, {})).content.decode()
    )
    response = client.get(guide)
    assert response.status_code == 200
    page = response.content.decode()
    report = reports.find("attendance", name)
    assert report.about and escape(report.about) in page
    assert "What it shows" in page and "How the figures are worked out" in page
    assert "possible session" in page
    assert ('class="shade-worse-3"' in page) == (name in SHADED)


def test_a_guide_is_only_for_the_schools_own_staff(world):
    assert world.client_for(world.bob).get("/schools/100001/attendance/summary/about/").status_code == 404
    assert world.client_for(world.alice).get("/schools/100001/attendance/nothing/about/").status_code == 404
