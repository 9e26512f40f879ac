"""A year of public data changes by one rename: the data sets an import brings are new, the others carried
over; a writer that dies before the rename leaves the year as it was, and its leftovers are cleared."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from rollbook.lake import public
from rollbook.lake.public import PublicStore


def rows(*urns: int) -> pa.Table:
    return pa.table({"urn": pa.array(urns, type=pa.int64())})


def urns(store: PublicStore, year: int, dataset: str) -> list[int]:
    return pq.read_table(store.path(year, dataset)).column("urn").to_pylist()


def test_a_new_data_set_joins_those_already_held(tmp_path):
    store = PublicStore(tmp_path)
    store.replace(
        2019, {"ks4": rows(1, 2), "census": rows(1)}, {"ks4": ["ks4.csv"], "census": ["census.csv"]}
    )
    store.replace(2019, {"census": rows(1, 2, 3)}, {"census": ["census2.csv"]})

    assert urns(store, 2019, "ks4") == [1, 2]
    assert urns(store, 2019, "census") == [1, 2, 3]
    held = store.held(2019)
    assert (held["ks4"].rows, held["ks4"].files) == (2, ("ks4.csv",))
    assert (held["census"].rows, held["census"].files) == (3, ("census2.csv",))
    assert store.years() == [2019]
    assert store.path(2020, "ks4") is None and store.path(2019, "absence") is None


def test_a_writer_that_dies_before_the_pointer_moves_changes_nothing(tmp_path, monkeypatch):
    store = PublicStore(tmp_path)
    store.replace(2019, {"ks4": rows(1)}, {})
    before = store.path(2019, "ks4")

    def power_cut(source, target):
        raise OSError("power cut")

    monkeypatch.setattr(public.os, "replace", power_cut)
    with pytest.raises(OSError, match="power cut"):
        store.replace(2019, {"ks4": rows(9)}, {})
    monkeypatch.undo()

    assert store.path(2019, "ks4") == before and urns(store, 2019, "ks4") == [1]
    store.replace(2019, {"census": rows(5)}, {})
    assert not list((tmp_path / "year=2019").glob("*.tmp")), "the dead writer's files are cleared"
    assert urns(store, 2019, "ks4") == [1]


def test_only_the_current_version_and_the_one_before_are_kept(tmp_path):
    store = PublicStore(tmp_path)
    for urn in (1, 2, 3, 4):
        store.replace(2019, {"ks4": rows(urn)}, {})
    assert len([path for path in (tmp_path / "year=2019").iterdir() if path.is_dir()]) == 2
    assert urns(store, 2019, "ks4") == [4]
