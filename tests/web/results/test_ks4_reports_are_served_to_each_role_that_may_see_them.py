"""Each KS4 report as the school's staff, its trust, another school's staff and a reader without
pupil-level access meet it: page, downloads and JSON; the pupil list needs pupil-level access and every read
of it is recorded."""

from __future__ import annotations

import csv
import io

import pytest

from rollbook.web.audit.models import AccessRecord

HEADLINE = "/schools/100001/ks4/"
PUPILS = "/schools/100001/ks4/pupils/"
MEASURE_KEYS = {
    "pupils", "attainment8", "progress8", "progress8_ci_low", "progress8_ci_high", "ebacc_entry_rate",
    "ebacc_aps", "ebacc_4_rate", "ebacc_5_rate", "basics_4_rate", "basics_5_rate", "attainment8_english",
    "attainment8_maths", "attainment8_ebacc", "attainment8_open",
}  # fmt: skip


def test_the_headline_page_shows_the_schools_figures_beside_national(ks4_world):
    page = ks4_world.client_for(ks4_world.alice).get(HEADLINE)
    assert page.status_code == 200
    text = page.content.decode()
    assert "33.0" in text and "45.7" in text  # Alder's A8 and national's, to 1 dp
    assert "-0.43" in text  # Progress 8, -0.425 rounded half-up as published
    assert "Average" in text


def test_the_headline_json_has_exactly_the_measures_asked_for(ks4_world):
    data = ks4_world.client_for(ks4_world.alice).get(HEADLINE, {"format": "json"}).json()
    assert set(data["measures"]) == MEASURE_KEYS
    assert data["measures"]["attainment8"] == 33.0
    assert data["national"]["academic_year"] == 2018 and not data["national"]["provisional"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_downloads_name_the_school_report_and_year(ks4_world, kind):
    response = ks4_world.client_for(ks4_world.alice).get(HEADLINE, {"format": kind})
    assert response.status_code == 200
    assert "100001-ks4-headline-2018" in response["Content-Disposition"]


def test_the_headline_csv_reads_back_in_words(ks4_world):
    response = ks4_world.client_for(ks4_world.alice).get(HEADLINE, {"format": "csv"})
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert row["Academic year"] == "2018/19"
    assert float(row["Attainment 8"]) == 33.0
    assert float(row["Attainment 8, national"]) == pytest.approx(137 / 3)


def test_the_trust_sees_its_schools_results_and_another_school_does_not(ks4_world):
    assert ks4_world.client_for(ks4_world.trudy).get(HEADLINE).status_code == 200
    assert ks4_world.client_for(ks4_world.bob).get(HEADLINE).status_code == 404
    assert ks4_world.client_for(ks4_world.bob).get("/schools/100002/ks4/").status_code == 200


def test_the_pupil_list_needs_pupil_level_access(ks4_world):
    assert ks4_world.client_for(ks4_world.alice).get(PUPILS).status_code == 403
    assert not AccessRecord.objects.filter(what__contains="ks4").exists()


def test_reading_the_pupil_list_is_recorded_and_it_sorts(ks4_world):
    data = ks4_world.client_for(ks4_world.pam).get(PUPILS, {"format": "json", "sort": "-attainment8"}).json()
    assert [p["upn"] for p in data["pupils"]] == ["A1000000000001", "A2000000000002"]
    assert data["pupils"][0]["persistently_absent"] is True
    (record,) = AccessRecord.objects.filter(what__contains="ks4")
    assert record.what == "ks4 pupils (json)" and record.user == ks4_world.pam


def test_small_groups_are_hidden_from_school_level_staff(ks4_world, settings):
    data = (
        ks4_world.client_for(ks4_world.alice)
        .get("/schools/100001/ks4/pupil-groups/", {"format": "json"})
        .json()
    )
    girls = next(g for g in data["groups"] if g["group"] == "Girls")
    assert girls["figures"] is None and "fewer than" in girls["suppressed"]
    shown = (
        ks4_world.client_for(ks4_world.pam)
        .get("/schools/100001/ks4/pupil-groups/", {"format": "json"})
        .json()
    )
    girls = next(g for g in shown["groups"] if g["group"] == "Girls")
    assert girls["figures"]["measures"]["attainment8"] == 54


def test_a_year_not_held_is_refused_naming_the_years_held(ks4_world):
    response = ks4_world.client_for(ks4_world.alice).get(HEADLINE, {"academic_year": "2016/17"})
    assert response.status_code == 400
    assert "2018/19" in response.content.decode()


def test_a_school_without_results_is_told_how_to_load_them(world):
    page = world.client_for(world.alice).get(HEADLINE)
    assert page.status_code == 200 and "No KS4 results are held" in page.content.decode()
