"""What reading one public data file gives: its data set's rows as an Arrow table, and what was left out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from rollbook.lake.public import ARROW_TYPES
from rollbook.rules.public.fields import DataSet, Kind


@dataclass
class ReadFile:
    """One file's rows, checked. `skipped` counts rows that are not a school's own figures (area totals,
    breakdowns by pupil group); `years` are the results years the file itself names, if any."""

    name: str
    dataset: DataSet
    table: pa.Table
    skipped: int = 0
    years: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def arrow_table(columns: Mapping[str, Sequence[object]], kinds: Mapping[str, Kind]) -> pa.Table:
    """Columns of read values, typed by their fields' kinds, in the order `kinds` lists them."""
    return pa.table({name: pa.array(columns[name], type=ARROW_TYPES[kind]) for name, kind in kinds.items()})
