"""The pupil list chooses pupils by the filters (registration group, EAL and ethnicity among them) and by
year-to-date band, sorts by any column, shows the listed pupils' attendance and absence together, and
pages a long list.

Alder's three pupils, a week each (10 sessions):

- Ash, Year 8, 8A: all present, 100% (band 100%).
- Beech, Year 9, 9A: 6 present, 2 illness (authorised), 2 unauthorised: 60% (band 50–89.9%).
- Cedar, Year 10, 10A, EAL, Black African: 9 present, 1 illness: 90% (band 90–94.9%).

Together: 25 of 30 sessions attended, 83.3%; authorised absence 3 of 30, 10%; unauthorised 2 of 30, 6.7%.
"""

from __future__ import annotations

import pytest

from tests.support.pupils import pupil
from tests.support.registers import register, write

LIST = "/schools/100001/attendance/pupil-list/"
PUPILS = {
    "A0000000001": (pupil("A0000000001", surname="Ash", nc_year=8, reg_group="8A"), "/\\" * 5),
    "B0000000002": (pupil("B0000000002", surname="Beech", nc_year=9, reg_group="9A"), "/\\" * 3 + "IIOO"),
    "C0000000003": (
        pupil("C0000000003", surname="Cedar", nc_year=10, reg_group="10A", eal=True, ethnicity="BAFR"),
        "/\\" * 4 + "I/",
    ),
}


@pytest.fixture
def listing(world):
    pupils = [row for row, _ in PUPILS.values()]
    marks = [mark for upn, (_, codes) in PUPILS.items() for mark in register(upn, codes)]
    write(world.lake, pupils, marks, world.alder.urn)
    client = world.client_for(world.pam)

    def ask(**choices) -> dict:
        response = client.get(LIST, {**choices, "format": "json"})
        assert response.status_code == 200, response.content
        return response.json()

    return ask


def upns(found: dict) -> list[str]:
    return [row["upn"] for row in found["pupil_list"]]


def test_the_listed_pupils_together(listing):
    chosen = listing()["chosen"]
    assert chosen["pupils"] == 3
    assert chosen["attendance_rate"] == pytest.approx(250 / 3)
    assert chosen["authorised_absence_rate"] == pytest.approx(10)
    assert chosen["unauthorised_absence_rate"] == pytest.approx(20 / 3)


def test_a_band_chooses_its_pupils_and_their_figures(listing):
    found = listing(band="50–89.9%")
    assert upns(found) == ["B0000000002"]
    assert (found["chosen"]["attendance_rate"], found["chosen"]["unauthorised_absence_rate"]) == (60, 20)
    # In the list's own order: most weeks below 100% first.
    assert upns(listing(band=["100%", "90–94.9%"])) == ["C0000000003", "A0000000001"]


def test_registration_group_eal_and_ethnicity_filters(listing):
    assert upns(listing(reg_group="9A")) == ["B0000000002"]
    assert upns(listing(eal="true")) == ["C0000000003"]
    assert upns(listing(ethnicity="bafr")) == ["C0000000003"]  # codes are read in capitals


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("name", ["A0000000001", "B0000000002", "C0000000003"]),
        ("-name", ["C0000000003", "B0000000002", "A0000000001"]),
        ("attendance_rate", ["B0000000002", "C0000000003", "A0000000001"]),
        ("-year_to_date_attendance_rate", ["A0000000001", "C0000000003", "B0000000002"]),
        ("-year_group", ["C0000000003", "B0000000002", "A0000000001"]),  # Year 10 after Year 9
        ("band", ["B0000000002", "C0000000003", "A0000000001"]),  # lowest band first
        ("-weeks_below_100", ["B0000000002", "C0000000003", "A0000000001"]),
    ],
)
def test_sorted_by_any_column(listing, sort, order):
    assert upns(listing(sort=sort)) == order


def test_an_unknown_sort_or_band_is_refused_with_the_choices(world, listing):
    client = world.client_for(world.pam)
    response = client.get(LIST, {"sort": "horoscope", "format": "json"})
    assert response.status_code == 400 and b"weeks_below_100" in response.content
    response = client.get(LIST, {"band": "80%", "format": "json"})
    assert response.status_code == 400 and "97–99.9%" in response.content.decode()


def test_the_page_shows_the_listed_pupils_together_and_the_choices(world, listing):
    page = world.client_for(world.pam).get(LIST, {"band": "50–89.9%"}).content.decode()
    assert "Pupils listed" in page and "60.0%" in page
    assert 'name="band" value="50–89.9%"' in page and "checked" in page
    assert '<option value="-attendance_rate">Attendance, highest first</option>' in page
    assert '<option value="9A">9A</option>' in page and '<option value="BAFR">BAFR</option>' in page


def test_a_long_list_is_paged(world):
    many = {f"P{n:010d}": "/\\" * 5 for n in range(51)}
    write(world.lake, [pupil(upn) for upn in many], [m for upn, c in many.items() for m in register(upn, c)],
          world.alder.urn)  # fmt: skip
    client = world.client_for(world.pam)
    first = client.get(LIST).content.decode()
    assert "Pupils 1 to 50 of 51" in first and "page=2" in first
    second = client.get(LIST, {"page": 2}).content.decode()
    assert second.count("attendance/pupil/?upn=") == 1
    assert len(client.get(LIST, {"format": "json"}).json()["pupil_list"]) == 51  # downloads list them all
