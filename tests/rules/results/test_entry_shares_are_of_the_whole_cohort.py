"""A subject's (or an EBacc subject area's) entry share is the percentage of all the pupils given with a
result that counts in it: an absent result is no entry, and English as an area needs both English subjects."""

from __future__ import annotations

from rollbook.rules.results.ebacc import Area
from rollbook.rules.results.entries import area_entries, subject_entries
from tests.support.entries_cohort import PUPILS


def test_subject_shares():
    shares = {subject: entries.share for subject, entries in subject_entries(PUPILS).items()}
    assert shares == {
        "art_and_design": 25.0, "biology": 25.0, "chemistry": 25.0, "combined_science": 50.0,
        "english_language": 100.0, "english_literature": 50.0, "french": 25.0, "geography": 25.0,
        "history": 25.0, "maths": 75.0, "physics": 25.0, "spanish": 25.0,
    }  # fmt: skip


def test_area_shares():
    assert {area: entries.share for area, entries in area_entries(PUPILS).items()} == {
        Area.ENGLISH: 50.0, Area.MATHS: 75.0, Area.SCIENCE: 75.0, Area.HUMANITIES: 50.0, Area.LANGUAGES: 50.0
    }  # fmt: skip


def test_three_years_pool_their_pupils():
    history = subject_entries(PUPILS + PUPILS[:2] + PUPILS[:1])["history"]
    assert (history.entrants, history.pupils) == (3, 7)
