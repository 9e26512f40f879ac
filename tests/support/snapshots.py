"""Reading a published snapshot's tables whole, as the tests compare them."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from rollbook.analytics.comparators.snapshot import Snapshot


def snapshot_table(folder: Path, name: str) -> pa.Table:
    """One of the snapshot's tables (every part of it) as one Arrow table."""
    return pq.read_table([str(path) for path in Snapshot.read(folder).files(name)])
