"""The table of an area's schools sorts by any column from the address (largest first with a minus), shows
a hundred schools a page, and leaves schools without the figure last either way."""

from __future__ import annotations

import html
import re


def names(page: str) -> list[str]:
    return [html.unescape(name) for name in re.findall(r'<tr><th scope="row">([^<]+)<span', page)]


def test_london_by_attainment_8_largest_first(world, public_data):
    page = (
        world.client_for(world.carol).get("/explore/?area=region:London&sort=-attainment8").content.decode()
    )
    # The 2019 file: Henrietta Barnett 85.1, Tiffin Girls' 85.0, Queen Elizabeth's Barnet 84.3.
    assert names(page)[:3] == ["The Henrietta Barnett School", "The Tiffin Girls' School",
                               "Queen Elizabeth's School, Barnet"]  # fmt: skip
    assert "504 state-funded mainstream schools · 1 to 100 shown" in page
    assert 'aria-sort="descending"' in page


def test_smallest_first_puts_schools_without_a_figure_last(world, public_data):
    client = world.client_for(world.carol)
    last_page = client.get("/explore/?area=region:London&sort=progress8&page=6").content.decode()
    first_page = client.get("/explore/?area=region:London&sort=progress8").content.decode()
    assert "501 to 504 shown" in last_page
    # Schools with no published Progress 8 (a dash) end the list, not begin it.
    assert re.findall(r'<td class="num">([^<]+)</td>', first_page)[2] != "–"
    assert last_page.count("<tr><th") == 4


def test_a_column_not_in_the_table_is_refused(world, public_data):
    response = world.client_for(world.carol).get("/explore/?sort=shoe_size")
    assert response.status_code == 400
    assert "&#x27;shoe_size&#x27; is not a column" in response.content.decode()
