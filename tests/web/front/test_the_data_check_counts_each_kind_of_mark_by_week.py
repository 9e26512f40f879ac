"""The data check counts, week by week, each kind of mark a school checks against its MIS: present,
absent, authorised and unauthorised, then illness, medical, holidays, suspensions, O, N, U and X.

The world's week at Alder (w/c 09/09/2024): A present all ten sessions, B ill (I) four and present six,
so 16 present, 4 absent, 4 authorised, 4 illness and none of the other kinds."""

from __future__ import annotations

from lxml import html


def test_the_data_check_counts_each_kind_of_mark_by_week(world):
    response = world.client_for(world.alice).get("/schools/100001/attendance/data-check/")

    page = html.fromstring(response.content)
    (kinds,) = page.xpath("//table[contains(@class, 'kinds')]")
    headings = [" ".join(th.text_content().split()) for th in kinds.xpath("thead//th")]
    (week,) = kinds.xpath("tbody/tr[th='09/09/2024']")
    counts = dict(zip(headings[1:], [td.text_content() for td in week.xpath("td")], strict=True))
    assert counts == {
        "Present": "16",
        "Approved activity": "0",
        "Absent": "4",
        "Authorised": "4",
        "Unauthorised": "0",
        "Illness": "4",
        "Medical": "0",
        "Holiday, authorised": "0",
        "Holiday, unauthorised": "0",
        "Suspended or excluded": "0",
        "Absent without authorisation": "0",
        "Reason not yet provided": "0",
        "Late after registers closed": "0",
        "X (not required to attend)": "0",
        "Not counted": "0",
    }
