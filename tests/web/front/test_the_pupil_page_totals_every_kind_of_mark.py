"""One pupil's page totals their marks as the school follows them up (all marks, present, absent,
authorised, illness, medical, holidays, unauthorised, X and not counted) and labels each register
column AM or PM.

B's week: ill (I) for the first four sessions, present for the other six."""

from __future__ import annotations

from lxml import html

EXPECTED = [
    ("Total marks", "10"),
    ("Present", "6"),
    ("Absent", "4"),
    ("Authorised absence", "4"),
    ("Illness", "4"),
    ("Medical", "0"),
    ("Authorised holiday", "0"),
    ("Unauthorised absence", "0"),
    ("Unauthorised holiday", "0"),
    ("X (not required to attend)", "0"),
    ("Not counted", "0"),
]


def test_the_pupil_page_totals_every_kind_of_mark(world):
    response = world.client_for(world.pam).get("/schools/100001/attendance/pupil/", {"upn": "B0000000002"})

    page = html.fromstring(response.content)
    (marks,) = page.xpath("//table[contains(@class, 'marks')]")
    assert [(row.xpath("th")[0].text, row.xpath("td")[0].text) for row in marks.xpath("tbody/tr")] == EXPECTED
    (register,) = page.xpath("//table[contains(@class, 'register')]")
    assert register.xpath("thead/tr[2]/th/text()") == ["AM", "PM"] * 5
