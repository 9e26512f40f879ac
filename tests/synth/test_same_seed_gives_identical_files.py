"""The same seed writes byte-identical files, whether one process or two generate them."""

from __future__ import annotations

import datetime as dt

import pytest

from rollbook.synth import write_schools


def _contents(folder):
    return {
        path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.mark.slow
def test_same_seed_gives_byte_identical_files_with_any_number_of_workers(tmp_path):
    as_of = dt.date(2024, 11, 29)
    write_schools(tmp_path / "one", 4, seed=5, academic_year=2024, as_of=as_of, workers=1)
    write_schools(tmp_path / "two", 4, seed=5, academic_year=2024, as_of=as_of, workers=2)
    assert _contents(tmp_path / "one") == _contents(tmp_path / "two")


def test_another_seed_gives_other_files(tmp_path):
    as_of = dt.date(2024, 9, 20)
    write_schools(tmp_path / "a", 1, seed=5, academic_year=2024, as_of=as_of, workers=1)
    write_schools(tmp_path / "b", 1, seed=6, academic_year=2024, as_of=as_of, workers=1)
    assert _contents(tmp_path / "a") != _contents(tmp_path / "b")
