"""EBacc APS: English (only when both are sat), maths, two sciences, a humanity and a language, summed and
divided by six, a missing pillar scoring 0."""

from __future__ import annotations

from rollbook.rules.results.ebacc import ebacc
from tests.support.ks4_results import gcses


def test_combined_science_gives_both_science_pillars():
    result = ebacc(gcses(english_language="6", english_literature="7", maths="5", combined_science="5-4",
                         history="6", geography="4", french="3"))  # fmt: skip
    # English max(6, 7) = 7; maths 5; science 4.5 + 4.5; humanities max(6, 4) = 6; language 3.
    assert result.pillar_points == (7, 5, 4.5, 4.5, 6, 3)
    assert result.average_point_score == 30 / 6


def test_the_best_two_of_three_single_sciences_count():
    result = ebacc(gcses(biology="8", chemistry="6", physics="7"))
    assert result.pillar_points == (0, 0, 8, 7, 0, 0)


def test_two_single_sciences_give_no_science_points():
    assert ebacc(gcses(biology="8", physics="7")).pillar_points[2:4] == (0, 0)


def test_one_english_alone_scores_nothing_in_the_english_pillar():
    result = ebacc(gcses(english_language="8", maths="6"))
    assert result.pillar_points[:2] == (0, 6)
    assert result.average_point_score == 1


def test_a_pupil_with_no_ebacc_subjects_scores_0():
    assert ebacc(gcses(art="9", music="9")).average_point_score == 0
