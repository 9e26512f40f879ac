"""The Ofsted page's table is the analytics' table, written as the seed writes it: for England in 2019
(docs/public-data.md, ratings file then Schools Like Yours), Outstanding is 658 schools, 81% grade 4+ in
English and maths, 60% entered for the EBacc, 45% achieving it, Attainment 8 57.4, Progress 8 +0.48."""

from __future__ import annotations

import re


def cells(page: str, rating: str) -> list[str]:
    row = re.search(rf'<tr><th scope="row">{rating}</th>(.*?)</tr>', page, re.S).group(1)
    return [cell.strip() for cell in re.findall(r'<td class="num">(.*?)</td>', row, re.S)]


def test_england_in_2019(world, public_data):
    page = world.client_for(world.carol).get("/explore/ofsted/").content.decode()
    assert cells(page, "Outstanding") == ["658", "81%", "60%", "45%", "57.4", "+0.48"]
    assert cells(page, "Inadequate") == ["246", "52%", "29%", "14%", "40.0", "-0.45"]
    assert "3,178 state-funded mainstream schools with a published Progress 8" in page


def test_the_spread_chart_is_of_the_figure_chosen(world, public_data):
    page = world.client_for(world.carol).get("/explore/ofsted/?area=region:London&spread=attainment8")
    assert page.context["measure"].key == "attainment8"
    ratings = [row["rating"] for row in page.context["chart"]["data"]["values"]]
    assert ratings == ["Outstanding", "Good", "Requires improvement", "Inadequate"]
