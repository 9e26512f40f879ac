"""Shared synthetic runs, so each test file checks one behaviour."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from rollbook.synth import generate_schools, write_schools


@pytest.fixture(scope="session")
def national_year():
    """A national-ish run: 150 schools' full 2023/24 year, in memory."""
    return generate_schools(150, seed=2023, academic_year=2023)


@pytest.fixture(scope="session")
def written_schools(tmp_path_factory) -> Path:
    """Three schools' files for 2024/25 up to mid-October, as `rollbook synth` writes them."""
    out = tmp_path_factory.mktemp("schools")
    write_schools(out, 3, seed=11, academic_year=2024, as_of=dt.date(2024, 10, 18), workers=1)
    return out


@pytest.fixture(scope="session")
def national_results():
    """250 schools' 2018/19, their results drawn and measured through the rules (about a minute)."""
    from rollbook.synth.national import seeds_for
    from rollbook.synth.results import draw_results
    from rollbook.synth.results_calibration import COHORT_YEAR, measure
    from rollbook.synth.school_year import generate_school
    from rollbook.synth.schools import draw_schools

    school_seed, seeds = seeds_for(2019, 250)
    infos = draw_schools(np.random.default_rng(school_seed), 250)
    years = [generate_school(seed, info, COHORT_YEAR) for seed, info in zip(seeds, infos, strict=True)]
    results = [draw_results(seed, year) for seed, year in zip(seeds, years, strict=True)]
    return years, measure(results)
