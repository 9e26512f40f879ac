"""An operator's estimates table (a DfE CSV) is read by its column names in any case; a pupil whose exact
group the table lacks is measured against the highest group below them."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from rollbook.rules.results.prior_attainment import Baseline, prior_attainment
from rollbook.rules.results.progress8 import estimates_from_rows

TABLE = """KS2 Prior Attainment Group,Attainment 8 estimate,English,Maths,EBacc,Open
4.9,46.63,10.1,9.2,13.4,13.93
1.5,18.96,4.5,3.4,4.6,6.46
2.0,17.49,4.2,3.1,4.2,5.99
"""


def loaded():
    return estimates_from_rows(csv.DictReader(io.StringIO(TABLE)), 2018, Baseline.FINE_LEVELS)


def test_rows_are_read_and_put_in_group_order():
    estimates = loaded()
    assert [row.group for row in estimates.rows] == [Decimal("1.5"), Decimal("2.0"), Decimal("4.9")]
    assert estimates.rows[-1].attainment8 == 46.63
    assert estimates.rows[-1].minimum is None


def test_a_pupil_between_groups_takes_the_group_below_and_one_below_all_takes_the_lowest():
    estimates = loaded()

    def a8_for(level: str) -> float:
        return estimates.for_pupil(prior_attainment(level, level, Baseline.FINE_LEVELS)).attainment8

    assert (a8_for("1.8"), a8_for("1.2"), a8_for("5.6"), a8_for("4.9")) == (18.96, 18.96, 46.63, 46.63)


def test_a_row_without_an_estimate_is_refused_with_its_line():
    broken = TABLE.replace("17.49", "")
    with pytest.raises(ValueError, match="line 4: no attainment8"):
        estimates_from_rows(csv.DictReader(io.StringIO(broken)), 2018, Baseline.FINE_LEVELS)


def test_scaled_score_estimates_do_not_measure_fine_levels():
    with pytest.raises(ValueError, match="cannot measure"):
        loaded().for_pupil(prior_attainment("100", "100", Baseline.SCALED_SCORES))
