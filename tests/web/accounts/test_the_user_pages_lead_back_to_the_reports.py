"""Every user page leads back to the reports, through the home page, which takes the reader to their
school's reports (or lists what they may open)."""

from __future__ import annotations

import pytest
from lxml import html

PAGES = ["", "new/", "import/", "pending/"]


@pytest.mark.parametrize("tab", PAGES)
def test_the_user_pages_lead_back_to_the_reports(world, tab):
    page = html.fromstring(world.client_for(world.dora).get(f"/schools/100001/users/{tab}").content)

    assert page.xpath("//a[normalize-space()='Back to the reports']/@href") == ["/"]
