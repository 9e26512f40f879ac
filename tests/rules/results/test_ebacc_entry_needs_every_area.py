"""A pupil enters the EBacc with English (both language and literature), maths, science (combined, or
three of the four single sciences), history or geography, and a language."""

from __future__ import annotations

from rollbook.rules.results.ebacc import Area, ebacc
from tests.support.ks4_results import gcses

CORE = dict(english_language="5", english_literature="5", maths="5", history="5", french="5")


def test_combined_science_and_the_other_areas_enter_the_ebacc():
    assert ebacc(gcses(**CORE, combined_science="5-5")).entered


def test_three_single_sciences_enter_it_and_two_do_not():
    assert ebacc(gcses(**CORE, biology="5", chemistry="5", computer_science="5")).entered
    two = ebacc(gcses(**CORE, biology="5", chemistry="5"))
    assert not two.entered
    assert two.missing_areas == {Area.SCIENCE}


def test_english_language_without_literature_is_not_ebacc_english():
    entries = dict(CORE, combined_science="5-5")
    del entries["english_literature"]
    assert ebacc(gcses(**entries)).missing_areas == {Area.ENGLISH}


def test_an_absent_language_is_not_an_entry():
    result = ebacc(gcses(**dict(CORE, french="X"), combined_science="5-5"))
    assert result.missing_areas == {Area.LANGUAGES}


def test_ancient_history_is_a_humanity_and_latin_a_language():
    entries = dict(CORE, combined_science="5-5")
    del entries["history"], entries["french"]
    assert ebacc(gcses(**entries, ancient_history="4", latin="4")).entered
