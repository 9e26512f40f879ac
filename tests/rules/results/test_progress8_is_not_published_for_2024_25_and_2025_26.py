"""The DfE calculates no Progress 8 for the cohorts that had no KS2 tests (2024/25, 2025/26) and means to
return for 2026/27; the status says so plainly."""

from __future__ import annotations

from rollbook.rules.results.progress8 import progress8_status


def test_2024_25_and_2025_26_have_no_p8_because_ks2_was_cancelled():
    for year, cancelled in ((2024, "2020"), (2025, "2021")):
        status = progress8_status(year)
        assert not status.published
        assert "no KS2 tests" in status.reason and cancelled in status.reason


def test_2026_27_is_when_the_dfe_intends_to_return():
    status = progress8_status(2026)
    assert status.published
    assert "intends to return" in status.reason and "2026/27" in status.reason


def test_2023_24_and_2018_19_were_published():
    assert progress8_status(2023).published and progress8_status(2018).published


def test_the_covid_years_and_the_years_before_p8_have_none():
    assert not any(progress8_status(year).published for year in (2014, 2019, 2020))
