"""Four pupils' results for the entry measures worked by hand."""

from __future__ import annotations

from rollbook.rules.results.pupil_measures import measure_pupil
from tests.support.ks4_results import gcses

PUPILS = [
    # entered for the EBacc
    measure_pupil("P1", gcses(english_language="5", english_literature="4", maths="5", combined_science="5-4",
                              history="5", french="4")),
    # no English literature and no language
    measure_pupil("P2", gcses(english_language="4", maths="3", combined_science="3-3", geography="4")),
    # no humanity, and only that
    measure_pupil("P3", gcses(english_language="6", english_literature="6", maths="6", biology="6",
                              chemistry="6", physics="6", spanish="5")),
    # absent from maths (X): not an entry
    measure_pupil("P4", gcses(english_language="3", maths="X", art="4")),
]  # fmt: skip
