"""Where public data with absence is loaded and a school is in its Schools Like Yours data, the summary can
set the school beside its family there (the family page's method and defaults): the family's published
absence for the year before the performance tables', each school weighted by its pupils of compulsory
school age, named with its year and with no test of chance. Elsewhere the choice is not offered, and asking
for it is refused with why.

Worked by hand: Alder (100001) has two other schools in the data, so both are its family:
  overall absence (100 x 4.0 + 300 x 6.0) / 400 = 5.5%, so attendance 94.5%; persistent absence
  (100 x 10.0 + 300 x 20.0) / 400 = 17.5%. Alder's week: attendance 80%, absence 20%, 1 of 2 pupils
  persistently absent (50%): 14.5 points below the family's attendance, 32.5 above its persistent absence.
"""

from __future__ import annotations

import pytest

from tests.support.comparators import publish_with_minimums
from tests.support.public_world import sly_school
from tests.support.public_world import world as public_world

SUMMARY = "/schools/100001/attendance/"
LABEL = "Schools like yours, 2017/18 published figures"


@pytest.fixture
def public_data(data_dir):
    sly = [sly_school(100001, 20, 500), sly_school(200001, 22, 100), sly_school(200002, 25, 300)]
    absence = [
        {"urn": 200001, "overall_absence_rate": 4.0, "persistent_absence_rate": 10.0},
        {"urn": 200002, "overall_absence_rate": 6.0, "persistent_absence_rate": 20.0},
    ]
    return public_world(data_dir, sly=sly, absence=absence)


def test_the_family_sits_beside_the_school_with_its_year(world, public_data):
    response = world.client_for(world.alice).get(SUMMARY, {"family": "on"})

    assert response.status_code == 200
    (family,) = response.context["comparators"]  # none published: the family alone
    assert (family["kind"], family["label"], family["schools"]) == ("family", LABEL, 2)
    figures = family["measures"]
    assert figures["attendance_rate"] == pytest.approx(94.5)
    assert figures["overall_absence_rate"] == pytest.approx(5.5)
    assert figures["persistent_absence_rate"] == pytest.approx(17.5)
    assert figures["severe_absence_rate"] is None and figures["pupils"] == 400
    gaps = family["differences"]
    assert gaps["attendance_rate"]["points"] == -14.5 and gaps["persistent_absence_rate"]["points"] == 32.5
    assert "significant" not in gaps["attendance_rate"]  # another year's figures: no test of chance
    assert gaps["severe_absence_rate"] is None
    page = " ".join(response.content.decode().split())
    assert LABEL in page and "94.5%" in page and "Not published" in page
    assert "for the whole of 2017/18, as the DfE published them with the 2018/19 performance tables" in page
    assert "No comparators besides schools like yours are shown" in page


def test_the_family_comes_after_the_published_comparators_in_every_format(world, public_data, monkeypatch):
    publish_with_minimums(monkeypatch)
    client = world.client_for(world.alice)

    data = client.get(SUMMARY, {"family": "true", "format": "json"}).json()
    labels = [row["label"] for row in data["comparison"]["comparators"]]
    assert labels[0] == "National" and labels[-1] == LABEL
    csv = client.get(SUMMARY, {"family": "true", "format": "csv"}).content.decode()
    assert f"{LABEL} (2 schools)" in csv
    assert LABEL not in client.get(SUMMARY).content.decode()  # a remembered page is not the other's


def test_the_choice_is_offered_only_where_the_family_can_be_shown(world, public_data):
    offered = world.client_for(world.alice).get(SUMMARY).content.decode()
    assert 'name="family"' in offered
    not_in_the_data = world.client_for(world.bob).get("/schools/100002/attendance/").content.decode()
    assert 'name="family"' not in not_in_the_data


def test_asking_for_a_family_that_cannot_be_shown_says_why(world, public_data):
    response = world.client_for(world.bob).get("/schools/100002/attendance/", {"family": "on"})

    assert response.status_code == 400
    assert "Schools like yours cannot be shown: URN 100002 is not in Schools Like Yours 2019" in (
        response.content.decode()
    )


def test_without_public_data_the_choice_is_not_offered(world):
    client = world.client_for(world.alice)

    assert 'name="family"' not in client.get(SUMMARY).content.decode()
    refused = client.get(SUMMARY, {"family": "on"})
    assert refused.status_code == 400 and "no Schools Like Yours data is loaded" in refused.content.decode()


def test_a_remembered_page_is_drawn_afresh_when_public_data_is_loaded(world, data_dir):
    client = world.client_for(world.alice)
    assert 'name="family"' not in client.get(SUMMARY).content.decode()

    sly = [sly_school(100001, 20, 500), sly_school(200001, 22, 100)]
    absence = [{"urn": 200001, "overall_absence_rate": 4.0, "persistent_absence_rate": 10.0}]
    public_world(data_dir, sly=sly, absence=absence)
    assert 'name="family"' in client.get(SUMMARY).content.decode()
    assert "96.0%" in client.get(SUMMARY, {"family": "on"}).content.decode()

    public_world(data_dir, sly=sly, absence=[{**absence[0], "overall_absence_rate": 7.0}])
    assert "93.0%" in client.get(SUMMARY, {"family": "on"}).content.decode()
