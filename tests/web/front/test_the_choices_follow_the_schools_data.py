"""The period and pupil choices are drawn once for each question of the same data, like the report's body,
and drawn afresh when the school's data changes: a year group that arrives is offered at once."""

from __future__ import annotations

from tests.support.pupils import pupil
from tests.support.registers import register, write

SUMMARY = "/schools/100001/attendance/"


def year_group_boxes(response) -> list[str]:
    page = response.content.decode()
    return [year for year in ("7", "8", "9", "10", "11") if f'name="year_group" value="{year}"' in page]


def test_a_year_group_that_arrives_is_offered_on_the_next_page(world):
    client = world.client_for(world.pam)
    first = client.get(SUMMARY)
    assert year_group_boxes(first) == year_group_boxes(client.get(SUMMARY)) == ["8"]
    registers = {"A0000000001": "/\\" * 5, "B0000000002": "/\\" * 5}
    write(
        world.lake,
        [pupil("A0000000001"), pupil("B0000000002", nc_year=10, reg_group="10B")],
        [mark for upn, codes in registers.items() for mark in register(upn, codes)],
        world.alder.urn,
    )
    assert year_group_boxes(client.get(SUMMARY)) == ["8", "10"]
