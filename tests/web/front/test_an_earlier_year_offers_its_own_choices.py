"""An earlier year's pages offer that year's own choices: its year groups and the terms its data reached,
and the period choice says the year is taken whole, not to date; the form keeps the year while other
choices change. The latest year's pages are unchanged.

The web world's 2024/25 has Alder's pupils in Year 8; in 2023/24 (tests/support/earlier_year.py) they were
in Year 7, and its fortnight from 11/09/2023 reached only autumn term and its first half.
"""

from __future__ import annotations

from lxml import html

from tests.support.earlier_year import write_earlier_year

PAGE = "/schools/100001/attendance/360/"


def _choices(response) -> tuple[list[str], list[str]]:
    page = html.fromstring(response.content)
    years = page.xpath("//input[@name='year_group']/@value")
    periods = [
        " ".join(option.text_content().split()) for option in page.xpath("//select[@name='term']/option")
    ]
    return years, periods


def test_an_earlier_year_offers_its_own_choices(world):
    write_earlier_year(world.lake)
    client = world.client_for(world.alice)

    earlier = client.get(PAGE + "?academic_year=2023/24")
    kept = html.fromstring(earlier.content).xpath("//form[@class='choices']//input[@name='academic_year']")
    assert [(field.get("type"), field.get("value")) for field in kept] == [("hidden", "2023/24")]
    assert _choices(earlier) == (
        ["7"],
        ["All of 2023/24, or the dates below", "Autumn term", "Autumn 1"],
    )
    assert _choices(client.get(PAGE)) == (
        ["8"],
        ["Year to date, or the dates below", "Autumn term", "Autumn 1"],
    )
