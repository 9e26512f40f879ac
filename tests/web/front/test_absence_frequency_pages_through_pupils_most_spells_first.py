"""The absence-frequency page shows 50 pupils at a time, most spells first (or in a column's order), with
links through the rest that keep the choices; the heat map draws the pupils on the page, and the downloads
list every pupil.

Alder's week (from Monday 09/09/2024): X0000000053 is ill twice (2 spells); X0000000001 to X0000000052 are
ill on Monday morning only (1 spell each), listed by name after it; A0000000001 is present all week and not
listed. So page 1 is X…053, then X…001 to X…049 (50 pupils); page 2 is X…050 to X…052.
"""

from __future__ import annotations

import csv
import io

import pytest
from lxml import html

from tests.support.registers import write_school

PAGE = "/schools/100001/attendance/absence-frequency/"
PRESENT_WEEK = "/\\" * 5


@pytest.fixture
def client(world):
    registers = {f"X{number:010}": "I" + PRESENT_WEEK[1:] for number in range(1, 53)}
    registers["X0000000053"] = "I/I" + PRESENT_WEEK[3:]
    registers["A0000000001"] = PRESENT_WEEK
    write_school(world.lake, world.alder.urn, registers)
    return world.client_for(world.pam)


def listed(response) -> list[str]:
    return html.fromstring(response.content).xpath("//table[contains(@class, 'data')]/tbody/tr/th/a/text()")


def test_the_first_page_shows_the_most_spells_first_and_links_on_keeping_the_choices(client):
    response = client.get(PAGE, {"year_group": "8"})
    assert listed(response) == ["X0000000053, Pat"] + [f"X{n:010}, Pat" for n in range(1, 50)]
    assert "Pupils 1 to 50 of 53;" in response.content.decode()
    page = html.fromstring(response.content)
    assert page.xpath("//nav[@aria-label='Pages of pupils']//a/@href") == ["?year_group=8&page=2"]
    assert {row["pupil"] for row in response.context["chart"]["data"]["values"]} == set(listed(response))


def test_the_next_page_shows_the_rest_and_the_page_is_not_carried_to_other_reports(client):
    response = client.get(PAGE, {"year_group": "8", "page": "2"})
    assert listed(response) == [f"X{n:010}, Pat" for n in range(50, 53)]
    assert "Pupils 51 to 53 of 53;" in response.content.decode()
    page = html.fromstring(response.content)
    assert page.xpath("//nav[@aria-label='Pages of pupils']//a/@href") == ["?year_group=8&page=1"]
    tabs = page.xpath("//nav[@class='tabs']//a/@href")
    assert tabs and all(href.endswith("?year_group=8") for href in tabs)


def test_a_page_past_the_end_shows_the_last(client):
    assert listed(client.get(PAGE, {"page": "9"})) == [f"X{n:010}, Pat" for n in range(50, 53)]


def test_the_csv_lists_every_pupil(client):
    response = client.get(PAGE, {"page": "2", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["UPN"] for row in rows] == ["X0000000053"] + [f"X{n:010}" for n in range(1, 53)]
    assert rows[0]["Spells"] == "2" and rows[0]["Attendance % w/c 09/09/2024"] == "80.0"


def test_sorted_by_a_column_of_its_own_and_refusing_others(client):
    assert listed(client.get(PAGE, {"sort": "name"}))[:2] == ["X0000000001, Pat", "X0000000002, Pat"]
    assert listed(client.get(PAGE, {"sort": "-name"}))[:2] == ["X0000000053, Pat", "X0000000052, Pat"]
    refused = client.get(PAGE, {"sort": "reg_group", "format": "json"})
    assert refused.status_code == 400 and "longest_spell_sessions" in refused.content.decode()


def test_bands_are_offered_and_choose_the_pupils_listed(client):
    """X…053 missed 2 of 10 sessions (80%, 50–89.9%); the others 1 of 10 (90%, 90–94.9%)."""
    response = client.get(PAGE, {"band": "50–89.9%"})
    assert listed(response) == ["X0000000053, Pat"]
    page = response.content.decode()
    assert 'name="band" value="50–89.9%"' in page and '<td class="band">50–89.9%</td>' in page
    assert "Bands are of year-to-date attendance" in page
    assert len(listed(client.get(PAGE, {"band": "90–94.9%", "page": "2"}))) == 2  # 52 pupils: 50, then 2
