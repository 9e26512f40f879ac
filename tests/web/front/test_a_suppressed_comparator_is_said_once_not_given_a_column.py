"""A comparator too small to show is named once with why, and takes no column of dashes.

With comparators needing at least two schools, national (Alder and Birch) is shown, and Alder's local
authority, Central Bedfordshire (823), built from Alder alone, is suppressed on the summary and the 360.
"""

from __future__ import annotations

import pytest
from lxml import html

from tests.support.comparators import publish_with_minimums

HIDDEN = "Central Bedfordshire is not shown: built from 1 school; comparators need at least 2."


@pytest.mark.parametrize("name", ["summary", "360"])
def test_a_suppressed_comparator_is_said_once_not_given_a_column(world, monkeypatch, name):
    publish_with_minimums(monkeypatch, schools=2)

    response = world.client_for(world.alice).get(f"/schools/100001/attendance/{name}/")

    page = html.fromstring(response.content)
    headings = [" ".join(th.text_content().split()) for th in page.xpath("//table//thead//th")]
    assert any(heading.startswith("National") for heading in headings)
    assert not any("Central Bedfordshire" in heading for heading in headings)
    notes = [" ".join(p.text_content().split()) for p in page.xpath("//p[contains(@class, 'note')]")]
    assert [note for note in notes if "Central Bedfordshire" in note] == [HIDDEN]
