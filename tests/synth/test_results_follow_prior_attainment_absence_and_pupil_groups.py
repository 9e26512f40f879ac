"""Synthetic grades rise with KS2 prior attainment and fall with absence, with the DfE's progress gaps:
girls ahead of boys, disadvantaged (FSM6) and SEN pupils behind, EAL pupils ahead."""

from __future__ import annotations

import statistics

import pytest

from rollbook.rules.results.prior_attainment import Band

pytestmark = pytest.mark.slow


def _pupils(national_results):
    years, measured = national_results
    for year, school in zip(years, measured.schools, strict=True):
        index = {upn: i for i, upn in enumerate(year.pupils.upn)}
        counts = year.session_counts()
        for pupil in school:
            i = index[pupil.upn]
            yield pupil, year.pupils, i, (counts[i, 2] + counts[i, 3]) / max(1, counts[i].sum())


def _mean_p8(rows):
    return statistics.fmean(p.progress8.progress8 for p, *_ in rows if p.progress8)


def test_attainment_8_rises_across_the_prior_attainment_bands(national_results):
    by_band = {band: [] for band in Band}
    for pupil, *_ in _pupils(national_results):
        if pupil.prior_band:
            by_band[pupil.prior_band].append(pupil.attainment8.total)
    low, middle, high = (statistics.fmean(by_band[band]) for band in (Band.LOW, Band.MIDDLE, Band.HIGH))
    assert low + 10 < middle < high - 10


def test_progress_gaps_point_the_way_the_dfes_do(national_results):
    rows = list(_pupils(national_results))
    girls = _mean_p8(r for r in rows if r[1].sex[r[2]] == "F")
    boys = _mean_p8(r for r in rows if r[1].sex[r[2]] == "M")
    fsm6 = _mean_p8(r for r in rows if r[1].fsm6[r[2]])
    others = _mean_p8(r for r in rows if not r[1].fsm6[r[2]])
    sen = _mean_p8(r for r in rows if r[1].sen[r[2]] != "N")
    eal = _mean_p8(r for r in rows if r[1].eal[r[2]])
    # DfE 2019 (state-funded): girls +0.21, boys -0.27; disadvantaged -0.45, others +0.13; EAL +0.5.
    assert 0.3 < girls - boys < 0.7
    assert 0.4 < others - fsm6 < 0.8
    assert sen < -0.3
    assert eal > 0.2


def test_persistently_absent_pupils_make_less_progress(national_results):
    rows = list(_pupils(national_results))
    absent = _mean_p8(r for r in rows if r[3] >= 0.1)
    present = _mean_p8(r for r in rows if r[3] < 0.1)
    assert present - absent > 0.4
