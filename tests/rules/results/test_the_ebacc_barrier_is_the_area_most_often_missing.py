"""The EBacc subject area that holds most pupils back is the one most often missing among pupils not entered
for the EBacc; a tie goes to the area more often missing alone, then to the EBacc's order."""

from __future__ import annotations

from rollbook.rules.results.ebacc import Area
from rollbook.rules.results.entries import ebacc_barrier
from rollbook.rules.results.pupil_measures import measure_pupil
from tests.support.entries_cohort import PUPILS
from tests.support.ks4_results import gcses


def test_a_tie_goes_to_the_area_missing_alone():
    # Missing: English P2, P4; maths P4; science P4; humanities P3, P4; languages P2, P4.
    # Humanities is P3's only gap.
    barrier = ebacc_barrier(PUPILS)
    assert (barrier.area, barrier.missing, barrier.only_missing, barrier.entries.share) == (
        Area.HUMANITIES, 2, 1, 50.0
    )  # fmt: skip


def test_the_area_most_often_missing():
    no_language = gcses(english_language="5", english_literature="5", maths="5", combined_science="5-5",
                        history="5")  # fmt: skip
    pupils = [measure_pupil("a", no_language), measure_pupil("b", no_language), *PUPILS]
    assert ebacc_barrier(pupils).area is Area.LANGUAGES


def test_no_barrier_when_every_pupil_is_entered():
    assert ebacc_barrier(PUPILS[:1]) is None
