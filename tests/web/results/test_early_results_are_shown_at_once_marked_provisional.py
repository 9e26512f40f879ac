"""A school that loads its results in August, before any national figures for the year are published, sees
every KS4 report at once, set beside the latest national figures Rollbook has and marked provisional."""

from __future__ import annotations

from rollbook import config
from rollbook.analytics.results import national
from tests.support.ks4 import YEAR, write_ks4_nation


def test_this_years_results_beside_last_years_national_figures(ks4_world):
    write_ks4_nation(ks4_world.lake, YEAR + 1)  # loaded since the last publish
    client = ks4_world.client_for(ks4_world.pam)
    for name in ("headline", "pupil-groups", "pupils"):
        data = client.get(f"/schools/100001/ks4/{name}/", {"format": "json"}).json()
        assert data["academic_year"] == YEAR + 1
        assert data["national"]["academic_year"] == YEAR and data["national"]["provisional"], name
    page = client.get("/schools/100001/ks4/").content.decode()
    assert "Provisional." in page and "2018/19, the latest Rollbook has" in page


def test_the_next_publish_sets_them_beside_their_own_years(ks4_world):
    write_ks4_nation(ks4_world.lake, YEAR + 1)
    national.publish(ks4_world.lake, config.ks4_national_root())
    data = ks4_world.client_for(ks4_world.alice).get("/schools/100001/ks4/", {"format": "json"}).json()
    assert data["national"]["academic_year"] == YEAR + 1 and not data["national"]["provisional"]
    assert [year["label"] for year in data["trend"]] == ["2018/19", "2019/20"]
