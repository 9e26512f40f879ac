"""Absence frequency gives each listed pupil their year-to-date attendance and band, as the pupil list
does, and lists only the bands chosen.

Week commencing 09/09/2024, ten sessions each (the whole year held so far):
  A: present throughout: no week under 100%, not listed.
  B: absent 1 session of 10 -> 90.0%: band 90–94.9% (the lower bound belongs to the band).
  C: absent 6 of 10 -> 40.0%: band under 50%.
"""

from __future__ import annotations

from rollbook.analytics.attendance.absence_frequency import absence_frequency
from tests.support.reports import attendance_report
from tests.support.small_world import TWO_WEEKS, URN, present, pupil, register, write


def _three_pupils(lake):
    write(
        lake,
        [pupil("A"), pupil("B"), pupil("C")],
        register("A", present(10))
        + register("B", ["O", *present(9)])
        + register("C", ["I"] * 6 + present(4)),
    )


def test_each_listed_pupil_has_their_year_to_date_attendance_and_band(lake):
    _three_pupils(lake)
    found = absence_frequency(lake, URN, TWO_WEEKS)
    assert [(row["upn"], row["year_to_date_attendance_rate"], row["band"]) for row in found["pupils"]] == [
        ("B", 90.0, "90–94.9%"),
        ("C", 40.0, "under 50%"),
    ]


def test_the_report_lists_only_the_bands_chosen_and_sorts_by_band(lake):
    _three_pupils(lake)
    chosen = attendance_report("absence-frequency", URN, lake=lake, band=["under 50%"]).data
    assert [row["upn"] for row in chosen["absence_frequency"]["pupils"]] == ["C"]
    both = attendance_report(
        "absence-frequency", URN, lake=lake, band=["under 50%", "90–94.9%"], sort="-band"
    )
    assert [row["upn"] for row in both.data["absence_frequency"]["pupils"]] == ["B", "C"]
    assert (
        attendance_report("absence-frequency", URN, lake=lake, band=["100%"]).data["absence_frequency"][
            "pupils"
        ]
        == []
    )
