"""Tables written as folders of parts, each part a Parquet file naming in its footer the schools it holds.

A publish writes a snapshot's counts, and the lake's kept tallies, this way: the next publish links every
part whose schools are all unchanged into its own folder (a second name for the same file, no bytes copied)
and copies rows only out of parts that hold a school measured again; an erasure finds the parts that hold a
school from their footers alone.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Collection, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

#: A part holds at most this many schools.
PART_SCHOOLS = 250
#: Rows copied out of a part are read and written this many at a time (cells: about 30 MB).
COPIED_ROWS = 250_000
SCHOOLS_KEY = "rollbook.schools"


class Parts:
    """A folder of parts of at most `PART_SCHOOLS` schools each, written in order; a table given no rows
    still has one part, empty."""

    def __init__(self, folder: Path, schema: pa.Schema, stamp: str) -> None:
        self.folder = folder
        self.schema = schema
        self._stamp = stamp  # parts are named by the publish that wrote them: linked parts keep theirs
        self._written = 0
        self._writer: pq.ParquetWriter | None = None
        self._schools: set[int] = set()

    def __enter__(self) -> Parts:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, *failure) -> None:
        self._finish()
        if not any(self.folder.iterdir()):
            pq.write_table(self.schema.empty_table(), self.folder / f"{self._stamp}-empty.parquet")

    def write(self, rows: pa.Table, schools: Collection[int]) -> None:
        """Rows of `schools` into the current part, begun anew first if they would take it past
        `PART_SCHOOLS` (rows of the same schools given again stay in it)."""
        if self._schools and len(self._schools | set(schools)) > PART_SCHOOLS:
            self._finish()
        if self._writer is None:
            self._written += 1
            part = self.folder / f"{self._stamp}-{self._written:05d}.parquet"
            self._writer = pq.ParquetWriter(part, self.schema)
        self._writer.write_table(rows)
        self._schools |= set(schools)

    def link(self, part: Path) -> None:
        """Another folder's part whose schools are all unchanged, taken as it is: a second name for the
        same file (neither is ever changed), or, on a filesystem without hard links, a copy of its bytes."""
        try:
            os.link(part, self.folder / part.name)
        except OSError:
            shutil.copyfile(part, self.folder / part.name)

    def carry(self, parts: list[Path], schools: set[int]) -> None:
        """The rows of `schools` in `parts`: a part whose schools are all among them is linked whole; out
        of any other part holding some of them, their rows are copied."""
        if not schools:
            return
        for path in parts:
            held = schools_of(path)
            if held is not None and held <= schools:
                self.link(path)
                continue
            wanted = schools if held is None else held & schools
            for rows in rows_of(path, self.schema, wanted):
                self.write(rows, wanted)

    def _finish(self) -> None:
        if self._writer is not None:
            self._writer.add_key_value_metadata({SCHOOLS_KEY: json.dumps(sorted(self._schools))})
            self._writer.close()
        self._writer, self._schools = None, set()


def schools_of(part: Path) -> set[int] | None:
    """The schools a part holds, from its footer; None for a table written as one file, before parts."""
    named = pq.read_metadata(part).metadata or {}
    held = named.get(SCHOOLS_KEY.encode())
    return None if held is None else set(json.loads(held))


def rows_of(path: Path, schema: pa.Schema, schools: set[int]) -> Iterator[pa.Table]:
    """The rows of `schools` in one file, `COPIED_ROWS` at a time: memory stays bounded, and the new file's
    row groups stay as large as its first publish's however many publishes follow."""
    if not schools:
        return
    wanted = pa.array(sorted(schools), pa.int64())
    held: list[pa.RecordBatch] = []
    for batch in pq.ParquetFile(path).iter_batches(COPIED_ROWS):
        held.append(batch.filter(pc.is_in(batch["school"], value_set=wanted)))
        if sum(batch.num_rows for batch in held) >= COPIED_ROWS:
            yield pa.Table.from_batches(held).cast(schema)
            held = []
    if any(batch.num_rows for batch in held):
        yield pa.Table.from_batches(held).cast(schema)
