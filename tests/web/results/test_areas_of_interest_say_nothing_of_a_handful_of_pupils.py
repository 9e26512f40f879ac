"""Areas of interest on the hand-worked nation (tests/support/ks4.py): Alder's figures are read, ranked
among the two schools and set beside national, but every one is about 10 pupils or fewer, so no sentence
fires and each section says there was nothing significant to report; the page, the CSV and the API agree."""

from __future__ import annotations

import csv
import io

INSIGHT = "/schools/100001/insight/"
SECTIONS = ["School characteristics", "Key stage 4", "Subjects", "Absence"]


def test_every_section_has_nothing_significant_to_report(ks4_world):
    data = ks4_world.client_for(ks4_world.alice).get(INSIGHT, {"format": "json"}).json()
    assert [s["section"] for s in data["sections"]] == SECTIONS
    assert all(not s["sentences"] for s in data["sections"])
    assert {s["message"] for s in data["sections"]} == {"There was nothing significant to report."}


def test_the_page_and_the_csv_say_so(ks4_world):
    client = ks4_world.client_for(ks4_world.alice)
    page = client.get(INSIGHT).content.decode()
    assert page.count("There was nothing significant to report.") == 4
    response = client.get(INSIGHT, {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["Section"] for row in rows] == SECTIONS
    assert "100001-insight-areas-of-interest-2018" in response["Content-Disposition"]


def test_the_api_serves_it_and_another_school_cannot_see_it(ks4_world):
    assert ks4_world.client_for(ks4_world.bob).get(INSIGHT).status_code == 404
    answer = ks4_world.client_for(ks4_world.alice).get("/api/v1/schools/100001/insight/areas-of-interest")
    assert answer.status_code == 200 and answer.json()["label"] == "2018/19"
