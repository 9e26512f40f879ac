"""With the DfE's 2019 performance tables loaded (docs/public-data.md), a school's 2018/19 results are set
beside England as the tables give it (the state-funded schools' figures weighted by their KS4 pupils, as
`explore trends` shows), with the DfE's own spread for Progress 8 intervals; measures the tables do not
give stay the held cohort's."""

from __future__ import annotations

import pytest

from rollbook import config
from rollbook.analytics.public.trends import trends
from rollbook.analytics.results import national
from rollbook.ingest.public import import_public
from rollbook.lake.public import PublicStore
from rollbook.rules.results.progress8 import SIGMA_2019
from tests.support.ks4 import YEAR, write_ks4_nation


def test_the_published_england_figures_are_the_national_comparator(shared_data, lake, data_dir):
    store = PublicStore(config.public_root())
    assert import_public([shared_data / "performance-tables-2019"], store, 2019).landed
    write_ks4_nation(lake)
    national.publish(lake, data_dir / "ks4-national")
    found = national.latest(data_dir / "ks4-national", YEAR).national
    england = next(figures for figures in trends(store) if figures.area == "England" and figures.year == 2019)
    assert found.measures["attainment8"] == england.attainment8
    # The tables' own England row (RECTYPE 7: 46.5) is not kept by the public import, which keeps schools;
    # the pupil-weighted mean of the schools with a published A8 is 47.1.
    assert round(found.measures["attainment8"], 1) == 47.1
    assert found.measures["basics_4_rate"] == pytest.approx(england.basics_4_rate)
    assert found.measures["attainment8_english"] == (12 + 4 + 16) / 3  # not in the tables: the held cohort's
    assert found.sigma == SIGMA_2019
    assert "DfE performance tables 2019" in found.source
