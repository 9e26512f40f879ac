"""A school's staff land on its home page: what Rollbook holds for the school (to which date, comparators
published when, results held), its headline figures as the reports give them, and where to start.

Alder's week commencing 09/09/2024 (tests/web/front/test_the_summary_shows_the_year_to_date.py): attendance
80%, persistent absence 50%; beside national (Alder and Birch): attendance 53.3%, 26.67 points better, the
deepest green. Its KS4 results (tests/support/ks4.py): Attainment 8 (54 + 12) / 2 = 33.0, national
(54 + 12 + 71) / 3 = 45.7.
"""

from __future__ import annotations

import pytest
from django.utils.html import escape

from rollbook import config
from rollbook.analytics import reports
from rollbook.analytics.results import national
from tests.support.comparators import publish_with_minimums
from tests.support.ks4 import write_ks4_nation

HOME = "/schools/100001/"


def test_a_member_of_one_school_is_taken_to_its_home_page(world):
    assert world.client_for(world.alice).get("/")["Location"] == HOME
    page = world.client_for(world.alice).get("/", follow=True).content.decode()
    assert "<h1>Alder School</h1>" in page


def test_the_home_page_says_what_is_held_and_to_which_date(world):
    page = world.client_for(world.alice).get(HOME).content.decode()
    assert "2 pupils, registers for 2024/25 to 13/09/2024" in page
    assert "None shown yet: no comparators have been published yet" in page
    assert "KS4 results</dt>\n    <dd>None imported." in page


def test_its_headline_figures_are_the_summarys_shaded_against_national(world, monkeypatch):
    publish_with_minimums(monkeypatch)
    client = world.client_for(world.alice)
    home = client.get(HOME)
    summary = client.get("/schools/100001/attendance/")
    assert home.context["overview"].headline == summary.context["headline"]
    page = home.content.decode()
    assert 'class="figure shade-better-3"' in page and "National 53.3%" in page
    assert "published" in page and "data to 13/09/2024" in page


def test_results_held_are_headed_beside_national(world):
    write_ks4_nation(world.lake)
    national.publish(world.lake, config.ks4_national_root())
    page = world.client_for(world.alice).get(HOME).content.decode()
    assert "KS4 results, 2018/19" in page
    assert "33.0" in page and "National 45.7" in page
    assert "years held: 2018/19, 2024/25" in page


@pytest.mark.parametrize(("who", "pupil_level"), [("alice", False), ("pam", True)])
def test_where_to_start_lists_each_report_the_reader_may_open_and_each_opens(world, who, pupil_level):
    client = world.client_for(getattr(world, who))
    page = client.get(HOME).content.decode()
    for report in reports.of("attendance"):
        if not report.tab:
            continue
        address = "/schools/100001/attendance/" + ("" if report.name == "summary" else f"{report.name}/")
        listed = f'href="{address}"' in page
        assert listed == (pupil_level or not report.pupil_level), report.name
        if listed:
            assert escape(report.about) in page
            assert client.get(address).status_code == 200, report.name


def test_a_school_without_data_says_how_to_begin(world):
    page = world.client_for(world.dora).get("/schools/100001/").content.decode()
    assert "registers for" in page  # Alder has data; Dora manages it
    world.lake.erase_school(100001)
    page = world.client_for(world.dora).get("/schools/100001/").content.decode()
    assert "No registers yet." in page and 'href="/schools/100001/imports/"' in page


def test_another_schools_home_is_not_found(world):
    assert world.client_for(world.bob).get(HOME).status_code == 404
