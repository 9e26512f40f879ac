"""Each sentence comes with the rule that made it, the figures it read (to link to) and, in words, each test
it passed in each year with the figure it read."""

from __future__ import annotations

from rollbook.rules.insight.areas_of_interest import areas_of_interest
from rollbook.rules.insight.figures import Figure

LAST_YEAR = Figure("area_value_added", 2017, -0.4, 118, item="science", national=0.0, quintile=5,
                   interval=(-0.7, -0.1))  # fmt: skip
SCIENCE = Figure("area_value_added", 2018, -0.52, 120, item="science", national=0.0, quintile=5,
                 interval=(-0.8, -0.24), earlier=(LAST_YEAR,))  # fmt: skip


def finding():
    (found,) = [f for section in areas_of_interest([SCIENCE], 2018) for f in section.findings]
    return found


def test_it_links_to_its_rule_and_figures():
    assert (finding().rule.key, finding().figures) == ("areas_below_2y", (SCIENCE,))


def test_it_says_why_in_words():
    assert finding().why == (
        "Shown because in 2018/19, value added in science (-0.52, 120 pupils) was in quintile 5 (the lowest "
        "20%) of all schools; value added in science (-0.52, 120 pupils, 95% interval -0.80 to -0.24) was "
        "significantly below national (0.00); and in 2017/18, value added in science (-0.40, 118 pupils) was "
        "in quintile 5 (the lowest 20%) of all schools; value added in science (-0.40, 118 pupils, 95% "
        "interval -0.70 to -0.10) was significantly below national (0.00). Rule areas_below_2y: it speaks "
        "only of figures about 11 pupils or more."
    )


def test_a_figure_the_words_only_show_is_explained_too():
    figures = [Figure("ebacc_entry", 2018, 3.0, 150, national=40.5),
               Figure("ebacc_barrier", 2018, 22.0, 150, item="languages")]  # fmt: skip
    (found,) = [f for section in areas_of_interest(figures, 2018) for f in section.findings]
    assert found.figures == tuple(figures)
    assert found.why == (
        "Shown because in 2018/19, the share of pupils entered for the EBacc (3.0%, 150 pupils) was below "
        "national (40.5%); the share of pupils entered in languages was 22.0% (150 pupils). Rule "
        "ebacc_barrier: it speaks only of figures about 11 pupils or more."
    )
