"""The absence report heads with its totals, each beside national with the school's shading, before the
reasons, and charts the gaps.

The world's week: Alder misses 4 of 20 possible sessions, all illness (authorised): overall and authorised
absence 20.0%, unauthorised 0.0%. National, Alder and Birch together: 4 authorised and 10 unauthorised of
30, so 46.7% overall, 13.3% authorised and 33.3% unauthorised. Alder is 26.67 points better overall
(deepest green), 6.67 points worse authorised (deepest red) and 33.33 points better unauthorised."""

from __future__ import annotations

import pytest
from lxml import html

from tests.support.comparators import publish_with_minimums


@pytest.fixture
def published(world, monkeypatch):
    return publish_with_minimums(monkeypatch)


def test_the_absence_report_leads_with_its_totals_beside_national(world, published):
    response = world.client_for(world.alice).get("/schools/100001/attendance/absence/")

    page = html.fromstring(response.content)
    totals, reasons = page.xpath("//table[contains(@class, 'compare')]")
    cells = [
        (
            " ".join(row.xpath("th")[0].text_content().split()),
            row.xpath("td[contains(@class, 'school')]")[0].text_content().strip(),
            row.xpath("td[contains(@class, 'school')]/@class")[0].split()[-1],
            row.xpath("td[contains(@class, 'comparator')]/text()")[0].strip(),
        )
        for row in totals.xpath("tbody/tr")
    ]
    assert cells == [
        ("Overall absence", "20.0%", "shade-better-3", "46.7%"),
        ("Authorised absence", "20.0%", "shade-worse-3", "13.3%"),
        ("Unauthorised absence", "0.0%", "shade-better-3", "33.3%"),
    ]
    assert reasons.xpath("tbody/tr/th/text()") == ["I"]
    points = {row["group"]: row["points"] for row in response.context["chart"]["data"]["values"]}
    assert points["Overall absence"] == -26.67 and points["Unauthorised absence"] == -33.33
