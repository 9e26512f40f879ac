"""The EBacc subjects sentence names only EBacc subjects, the other only subjects outside the EBacc, each in
the order the figures come, and only where entry was at or above national."""

from __future__ import annotations

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import Figure


def subject(key: str, aps: float, entry: float, national: float) -> list[Figure]:
    return [Figure("subject_aps", 2018, aps, 60, item=key, quintile=5),
            Figure("subject_entry", 2018, entry, 60, item=key, national=national)]  # fmt: skip


def test_each_sentence_lists_its_own_subjects():
    figures = [*subject("english_literature", 3.1, 90.0, 88.0), *subject("sport", 2.9, 30.0, 12.0),
               *subject("maths", 2.8, 97.0, 97.0), *subject("history", 3.0, 20.0, 41.0)]  # fmt: skip
    texts = [f.text for section in areas_of_interest(figures, 2018) for f in section.findings]
    assert texts == [
        "For the following EBacc subject(s), the average point score was in the lowest 20% of schools "
        "nationally and the proportion of entries was at or above the national average: English literature "
        "(3.1) and mathematics (2.8).",
        "For the following subject(s) outside of the EBacc, the average point score was in the lowest 20% of "
        "schools nationally and pupil entry was at or above the national average: sport (2.9).",
    ]
