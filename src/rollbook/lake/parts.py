"""Tables written as folders of parts, each part a Parquet file naming in its footer the schools it holds
and, where the table is split into buckets (the rows of one week, say), its bucket.

A publish writes a snapshot's counts, and the lake's kept tallies, this way: the next publish links every
part whose rows it would keep whole into its own folder (a second name for the same file, no bytes copied)
and copies rows only out of parts that hold a school measured again; an erasure finds the parts that hold a
school from their footers alone.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

#: A part holds at most this many schools.
PART_SCHOOLS = 250
#: Rows copied out of a part are read and written this many at a time (cells: about 30 MB).
COPIED_ROWS = 250_000
SCHOOLS_KEY = "rollbook.schools"
BUCKET_KEY = "rollbook.bucket"
#: A table's buckets: the bucket of each of some rows, as strings.
Buckets = Callable[[pa.Table], pa.Array]


class Parts:
    """A folder of parts of at most `PART_SCHOOLS` schools each, written in order, a part to a bucket when
    `buckets` splits the rows; a table given no rows still has one part, empty."""

    def __init__(self, folder: Path, schema: pa.Schema, stamp: str, buckets: Buckets | None = None) -> None:
        self.folder = folder
        self.schema = schema
        self._stamp = stamp  # parts are named by the publish that wrote them: linked parts keep theirs
        self._buckets = buckets
        self._written = 0
        self._open: dict[str | None, tuple[pq.ParquetWriter, set[int]]] = {}

    def __enter__(self) -> Parts:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, *failure) -> None:
        for bucket in list(self._open):
            self._finish(bucket)
        if not any(self.folder.iterdir()):
            pq.write_table(self.schema.empty_table(), self.folder / f"{self._stamp}-empty.parquet")

    def write(self, rows: pa.Table, schools: Collection[int]) -> None:
        """Rows of `schools` into the current part of each of their buckets, begun anew first if they would
        take it past `PART_SCHOOLS` (rows of the same schools given again stay in it)."""
        if self._buckets is None:
            self._write(None, rows, set(schools))
            return
        buckets = self._buckets(rows)
        for bucket in pc.unique(buckets).to_pylist():
            chosen = rows.filter(pc.equal(buckets, bucket))
            held = sorted(pc.unique(chosen["school"]).to_pylist())
            for start in range(0, len(held), PART_SCHOOLS):  # rows of more schools than a part holds
                some = held[start : start + PART_SCHOOLS]
                if len(some) < len(held):
                    self._write(bucket, chosen.filter(pc.is_in(chosen["school"], pa.array(some))), set(some))
                else:
                    self._write(bucket, chosen, set(some))

    def link(self, part: Path) -> None:
        """Another folder's part whose rows are all kept, taken as it is: a second name for the same file
        (neither is ever changed), or, on a filesystem without hard links, a copy of its bytes."""
        try:
            os.link(part, self.folder / part.name)
        except OSError:
            shutil.copyfile(part, self.folder / part.name)

    def carry(self, parts: list[Path], schools: Callable[[str | None], set[int]]) -> None:
        """Out of `parts`, the rows of the schools `schools(bucket)` keeps of each part's bucket: a part whose
        schools are all kept is linked whole; out of any other part holding some of them, their rows are
        copied."""
        for path in parts:
            held, bucket = described(path)
            kept = schools(bucket)
            if held is not None and held <= kept:
                self.link(path)
                continue
            wanted = kept if held is None else held & kept
            for rows in rows_of(path, self.schema, wanted):
                self.write(rows, wanted)

    def _write(self, bucket: str | None, rows: pa.Table, schools: set[int]) -> None:
        writer, held = self._open.get(bucket, (None, set()))
        if held and len(held | schools) > PART_SCHOOLS:
            self._finish(bucket)
            writer, held = None, set()
        if writer is None:
            self._written += 1
            named = "" if bucket is None else f"{bucket}-"
            writer = pq.ParquetWriter(
                self.folder / f"{self._stamp}-{named}{self._written:05d}.parquet", self.schema
            )
        writer.write_table(rows)
        self._open[bucket] = (writer, held | schools)

    def _finish(self, bucket: str | None) -> None:
        writer, held = self._open.pop(bucket)
        footer = {SCHOOLS_KEY: json.dumps(sorted(held))}
        if bucket is not None:
            footer[BUCKET_KEY] = bucket
        writer.add_key_value_metadata(footer)
        writer.close()


def described(part: Path) -> tuple[set[int] | None, str | None]:
    """The schools a part holds and its bucket, from its footer (None for a table written as one file,
    before parts; no bucket for a table not split into them)."""
    named = pq.read_metadata(part).metadata or {}
    held, bucket = named.get(SCHOOLS_KEY.encode()), named.get(BUCKET_KEY.encode())
    return None if held is None else set(json.loads(held)), None if bucket is None else bucket.decode()


def schools_of(part: Path) -> set[int] | None:
    """The schools a part holds, from its footer; None for a table written as one file, before parts."""
    return described(part)[0]


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
