"""Results are seeded like the rest: the same seed writes the same prior.csv and results.csv with any number
of workers, and turning results on changes none of the other files."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.synth import write_schools


def _contents(folder):
    return {
        path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.mark.slow
def test_same_seed_gives_byte_identical_results_with_any_number_of_workers(tmp_path):
    as_of = dt.date(2018, 10, 5)
    write_schools(tmp_path / "one", 3, seed=8, academic_year=2018, as_of=as_of, workers=1, results=True)
    write_schools(tmp_path / "two", 3, seed=8, academic_year=2018, as_of=as_of, workers=2, results=True)
    one = _contents(tmp_path / "one")
    assert one == _contents(tmp_path / "two")
    assert sum(path.name == "results.csv" for path in one) == 3


def test_results_leave_the_other_files_as_they_were(tmp_path):
    as_of = dt.date(2018, 10, 5)
    write_schools(tmp_path / "with", 2, seed=8, academic_year=2018, as_of=as_of, workers=1, results=True)
    write_schools(tmp_path / "without", 2, seed=8, academic_year=2018, as_of=as_of, workers=1, results=False)
    with_results = _contents(tmp_path / "with")
    without = _contents(tmp_path / "without")
    assert {path: data for path, data in with_results.items() if path in without} == without
    assert set(with_results) - set(without)
