"""The summary and the 360 speak plainly; the statistics' own words ("two-sided", "ratio estimator",
"standardised") sit behind a "How this is worked out" link, there for anyone who wants them."""

from __future__ import annotations

import pytest
from lxml import html

from tests.support.comparators import publish_with_minimums

JARGON = ("two-sided", "ratio estimator", "standardised")


@pytest.mark.parametrize("name", ["summary", "360"])
def test_the_method_sits_behind_how_this_is_worked_out(world, monkeypatch, name):
    publish_with_minimums(monkeypatch)

    response = world.client_for(world.alice).get(f"/schools/100001/attendance/{name}/")

    page = html.fromstring(response.content)
    (method,) = page.xpath("//details[summary='How this is worked out']")
    assert all(word in method.text_content() for word in JARGON)
    method.getparent().remove(method)
    body = page.get_element_by_id("report-body").text_content()
    assert not any(word in body for word in JARGON)
