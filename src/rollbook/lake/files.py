"""How a partition's rows are laid out in its Parquet file.

Marks are sorted by day and written a week to a row group, with a digest of each day's marks in the file's
footer (`DAYS_KEY`). So a publish finds which days of a school changed since it last looked from footers
alone, and reads the few days it has not seen without reading the year's: the row groups' date statistics
let the engine skip every other week. Other tables are written in one go.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from rollbook.lake.schema import MARKS, SORT_KEYS

DAYS_KEY = "rollbook.days"
_EPOCH = dt.date(1970, 1, 1)
_UNDATED = np.iinfo(np.int32).max


def write_durably(rows: pa.Table, path: Path) -> None:
    """Write `rows` as a Parquet file and flush it to disk before returning (the lake's and the public
    store's files alike); marks as `write_marks` lays them out."""
    if rows.schema.equals(MARKS):
        write_marks(rows, path)
    else:
        pq.write_table(rows, path, compression="zstd")
    fsync(path)


def write_marks(marks: pa.Table, path: Path) -> None:
    """Marks in the lake's order (`SORT_KEYS`, by day first), a row group per week (Monday to Sunday), each
    day's digest in the footer."""
    days = _days(marks)
    if len(days) and np.any(np.diff(days) < 0):  # rows of a file written before marks were sorted by day
        marks = marks.sort_by(SORT_KEYS["marks"])
        days = _days(marks)
    weeks = (days + 3) // 7  # 1 January 1970 was a Thursday: whole weeks from a Monday
    with pq.ParquetWriter(path, marks.schema, compression="zstd") as writer:
        for start, end in _runs(weeks):
            writer.write_table(marks.slice(start, end - start))
        if not len(marks):
            writer.write_table(marks)
        writer.add_key_value_metadata({DAYS_KEY: json.dumps(_day_digests(marks, days))})


def day_digests(path: Path) -> dict[str, str] | None:
    """Each day's digest in a marks file by ISO date, from its footer; None for a file written without."""
    held = (pq.read_metadata(path).metadata or {}).get(DAYS_KEY.encode())
    return None if held is None else json.loads(held)


def fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _day_digests(marks: pa.Table, days: np.ndarray) -> dict[str, str]:
    """A digest of each day's marks: every mark's UPN, session and code, in the file's order."""
    rows = pc.binary_join_element_wise(
        *(marks[column].combine_chunks() for column in ("upn", "session", "code")), "", "\t",
        null_handling="replace",
    )  # fmt: skip
    offsets = np.frombuffer(rows.buffers()[1], np.int32)[rows.offset : rows.offset + len(rows) + 1]
    data = memoryview(rows.buffers()[2] or b"")
    return {
        _day(int(days[start])): hashlib.sha256(data[offsets[start] : offsets[end]]).hexdigest()[:32]
        for start, end in _runs(days)
    }


def _days(marks: pa.Table) -> np.ndarray:
    """Each mark's date as days since 1970, a mark without one last (where the lake's sort puts it)."""
    days = marks["date"].combine_chunks().cast(pa.int32())
    return pc.fill_null(days, _UNDATED).to_numpy(zero_copy_only=False)


def _day(days: int) -> str:
    return "undated" if days == _UNDATED else (_EPOCH + dt.timedelta(days=days)).isoformat()


def _runs(values: np.ndarray) -> list[tuple[int, int]]:
    """The [start, end) of each run of equal values in a sorted array."""
    if not len(values):
        return []
    edges = [0, *(np.flatnonzero(np.diff(values)) + 1).tolist(), len(values)]
    return list(zip(edges, edges[1:], strict=False))
