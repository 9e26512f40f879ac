"""The 360 offers a tab for the year to date, each term of this year begun and the end of each earlier year
held; each opens the report for that period, keeps the pupils chosen and is marked when chosen, and a year
not held is refused with a message.

The web world holds a week of Alder's 2024/25 from Monday 09/09/2024, so autumn term has begun and is not
over; tests/support/earlier_year.py adds a fortnight of 2023/24.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from lxml import html

from tests.support.earlier_year import write_earlier_year

PAGE = "/schools/100001/attendance/360/"
TABS = ["Year to date", "Autumn term so far", "End of year 2023/24"]


@pytest.fixture
def client(world):
    write_earlier_year(world.lake)
    return world.client_for(world.alice)


def _tabs(response) -> list[tuple[str, str, bool]]:
    page = html.fromstring(response.content)
    return [
        (" ".join(link.text_content().split()), link.get("href"), link.get("aria-current") == "page")
        for link in page.xpath("//nav[@aria-label='Periods of the 360']//a")
    ]


def test_a_tab_is_offered_for_each_term_begun_and_year_held(client):
    tabs = _tabs(client.get(PAGE))

    assert [label for label, _, _ in tabs] == TABS
    assert [current for _, _, current in tabs] == [True, False, False]
    assert [parse_qs(href[1:]) for _, href, _ in tabs] == [
        {},
        {"term": ["Autumn"]},
        {"academic_year": ["2023/24"]},
    ]


def test_each_tab_opens_its_period_and_is_marked_chosen(client):
    for label, href, _ in _tabs(client.get(PAGE)):
        response = client.get(PAGE + href)
        assert response.status_code == 200, label
        assert [tab for tab, _, current in _tabs(response) if current] == [label]
    period = html.fromstring(client.get(PAGE + "?academic_year=2023/24").content).xpath(
        "//p[@class='period']"
    )
    assert period[0].text_content().split("·")[0].strip() == "2023/24 to 15/09/2023"


def test_the_tabs_keep_the_pupils_chosen_and_change_only_the_period(world, client):
    # pam, with pupil-level access, may choose groups as small as these.
    tabs = _tabs(world.client_for(world.pam).get(PAGE + "?term=Autumn&year_group=8&sex=F"))

    assert [parse_qs(href[1:]) for _, href, _ in tabs] == [
        {"year_group": ["8"], "sex": ["F"]},
        {"year_group": ["8"], "sex": ["F"], "term": ["Autumn"]},
        {"year_group": ["8"], "sex": ["F"], "academic_year": ["2023/24"]},
    ]
    assert [current for _, _, current in tabs] == [False, True, False]


def test_a_year_not_held_is_refused_with_a_message(client):
    response = client.get(PAGE + "?academic_year=2021/22")

    assert response.status_code == 400
    assert b"No attendance is held for 2021/22; choose 2023/24 or 2024/25" in response.content
