"""Every section is returned, in order; one where no sentence fires says there was nothing significant to
report, and one where a sentence fires does not."""

from __future__ import annotations

from rollbook.rules.insight.areas_of_interest import NOTHING_TO_REPORT, areas_of_interest
from rollbook.rules.insight.figures import Figure
from rollbook.rules.insight.sentences import Section


def test_no_figures_means_nothing_to_report_anywhere():
    sections = areas_of_interest([], 2018)
    assert [(s.section, s.findings, s.message) for s in sections] == [
        (section, (), NOTHING_TO_REPORT) for section in Section
    ]


def test_figures_in_the_middle_quintiles_fire_nothing():
    figures = [Figure("attainment8", 2018, 46.7, 180, quintile=3), Figure("roll", 2018, 900, 900, quintile=2)]
    assert {s.message for s in areas_of_interest(figures, 2018)} == {NOTHING_TO_REPORT}


def test_only_the_section_with_a_sentence_loses_the_message():
    sections = areas_of_interest([Figure("overall_absence", 2018, 9.1, 900, quintile=1)], 2018)
    assert {s.section: s.message for s in sections} == {
        Section.CONTEXT: NOTHING_TO_REPORT, Section.KS4: NOTHING_TO_REPORT,
        Section.SUBJECTS: NOTHING_TO_REPORT, Section.ABSENCE: None,
    }  # fmt: skip


def test_another_years_figures_are_not_read():
    assert areas_of_interest([Figure("overall_absence", 2017, 9.1, 900, quintile=1)], 2018)[-1].findings == ()
