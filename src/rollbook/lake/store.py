"""Reading and atomically replacing lake partitions.

Layout: `ROOT/<table>/academic_year=<YYYY>/school=<URN>/data.parquet`, one file per partition, so that
replacing a partition is one `os.replace`. One import can change several partitions (pupils and marks,
perhaps two years); they land together through a redo journal:

1. every new file is written beside its target under a temporary name and flushed to disk;
2. the journal naming each rename is written and renamed into place (the commit point);
3. the renames are applied and the journal removed.

A crash before step 2 leaves only temporary files, removed by the next writer; a crash after it is rolled
forward by the next writer or reader of that school. Writers of one school take that school's lock, so two
imports for the same school never interleave; different schools proceed in parallel.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock

from rollbook.lake.schema import SORT_KEYS, TABLES

DATA_FILE = "data.parquet"
_TEMPORARY_SUFFIX = ".tmp"


@dataclass(frozen=True, order=True)
class PartitionKey:
    table: str
    academic_year: int
    school: int

    def __post_init__(self) -> None:
        if self.table not in TABLES:
            raise ValueError(f"unknown lake table {self.table!r}")


class Lake:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    # Paths

    def partition_dir(self, key: PartitionKey) -> Path:
        return self.root / key.table / f"academic_year={key.academic_year}" / f"school={key.school}"

    def path(self, key: PartitionKey) -> Path:
        return self.partition_dir(key) / DATA_FILE

    def files(
        self, table: str, academic_years: list[int] | None = None, schools: list[int] | None = None
    ) -> list[Path]:
        """The data files of `table`, optionally only some years and schools (no temporary files)."""
        years = [f"academic_year={y}" for y in academic_years] if academic_years is not None else ["*"]
        urns = [f"school={s}" for s in schools] if schools is not None else ["*"]
        found: list[Path] = []
        for year in years:
            for urn in urns:
                found.extend((self.root / table).glob(f"{year}/{urn}/{DATA_FILE}"))
        return sorted(found)

    def partitions(self, table: str, school: int | None = None) -> list[PartitionKey]:
        keys = []
        for path in self.files(table, schools=None if school is None else [school]):
            year = int(path.parent.parent.name.partition("=")[2])
            urn = int(path.parent.name.partition("=")[2])
            keys.append(PartitionKey(table, year, urn))
        return keys

    def schools(self) -> list[int]:
        return sorted({key.school for key in self.partitions("pupils")})

    def academic_years(self, school: int | None = None) -> list[int]:
        return sorted(
            {k.academic_year for k in self.partitions("pupils") if school is None or k.school == school}
        )

    def school_rows(self, school: int) -> dict[PartitionKey, int]:
        """Every partition of a school with its number of rows, read from each file's footer."""
        return {
            key: pq.read_metadata(self.path(key)).num_rows
            for table in TABLES
            for key in self.partitions(table, school)
        }

    # Reading

    def read(self, key: PartitionKey) -> pa.Table | None:
        """A partition's rows, or None when it does not exist."""
        self._recover_if_needed(key.school)
        try:
            return pq.read_table(self.path(key), schema=TABLES[key.table])
        except FileNotFoundError:
            return None

    # Writing

    @contextmanager
    def locked(self, school: int) -> Iterator[None]:
        """Hold the school's write lock, after finishing or cleaning up any write that crashed."""
        lock_dir = self.root / "_locks"
        lock_dir.mkdir(parents=True, exist_ok=True)
        with FileLock(lock_dir / f"school={school}.lock"):
            self._roll_forward(school)
            self._remove_temporary_files(school)
            yield

    def replace(self, changes: Mapping[PartitionKey, pa.Table | None]) -> list[PartitionKey]:
        """Replace (or, for None, delete) partitions of one school, all or none. Returns the partitions
        whose content changed; a partition whose new rows equal its old ones is left untouched."""
        schools = {key.school for key in changes}
        if len(schools) > 1:
            raise ValueError("one replace touches one school")
        if not changes:
            return []
        (school,) = schools
        with self.locked(school):
            return self._replace_locked(school, changes)

    def delete_school(self, school: int) -> list[PartitionKey]:
        """Remove every partition of a school (GDPR erasure)."""
        return list(self.erase_school(school))

    def erase_school(self, school: int) -> dict[PartitionKey, int]:
        """Remove every partition of a school, all or none, returning each one's rows. The partitions are
        listed under the lock, after any crashed write is rolled forward, so one it was adding goes too."""
        with self.locked(school):
            held = self.school_rows(school)
            self._replace_locked(school, dict.fromkeys(held))
            return held

    def erase_pupil(self, upn: str, school: int) -> dict[PartitionKey, int]:
        """Remove pupil `upn`'s rows from every partition of `school`, all or none (GDPR erasure); a
        partition left empty is deleted. Returns the rows removed from each partition that held any."""
        with self.locked(school):
            changes: dict[PartitionKey, pa.Table | None] = {}
            removed: dict[PartitionKey, int] = {}
            for key in self.school_rows(school):
                rows = pq.read_table(self.path(key), schema=TABLES[key.table])
                theirs = pc.equal(rows["upn"], upn).fill_null(False)
                kept = rows.filter(pc.invert(theirs))
                if kept.num_rows < rows.num_rows:
                    changes[key] = kept if kept.num_rows else None
                    removed[key] = rows.num_rows - kept.num_rows
            self._replace_locked(school, changes)
            return removed

    def _replace_locked(
        self, school: int, changes: Mapping[PartitionKey, pa.Table | None]
    ) -> list[PartitionKey]:
        steps: list[dict[str, str]] = []
        changed: list[PartitionKey] = []
        for key in sorted(changes):
            target = self.path(key)
            new = changes[key]
            if new is None:
                if target.exists():
                    steps.append({"delete": str(target)})
                    changed.append(key)
                continue
            new = _normalise(key.table, new)
            if target.exists() and pq.read_table(target, schema=TABLES[key.table]).equals(new):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f"{DATA_FILE}.{uuid.uuid4().hex}{_TEMPORARY_SUFFIX}")
            _write_durably(new, temporary)
            steps.append({"rename": str(temporary), "to": str(target)})
            changed.append(key)
        if steps:
            journal = self._journal(school)
            journal.parent.mkdir(parents=True, exist_ok=True)
            pending = journal.with_suffix(_TEMPORARY_SUFFIX)
            pending.write_text(json.dumps(steps))
            _fsync(pending)
            os.replace(pending, journal)
            self._roll_forward(school)
        return changed

    # Crash recovery

    def _journal(self, school: int) -> Path:
        return self.root / "_journal" / f"school={school}.json"

    def _recover_if_needed(self, school: int) -> None:
        if self._journal(school).exists():
            with self.locked(school):
                pass

    def _roll_forward(self, school: int) -> None:
        journal = self._journal(school)
        if not journal.exists():
            return
        for step in json.loads(journal.read_text()):
            if "rename" in step:
                if os.path.exists(step["rename"]):
                    os.replace(step["rename"], step["to"])
            elif os.path.exists(step["delete"]):
                os.remove(step["delete"])
        journal.unlink()

    def _remove_temporary_files(self, school: int) -> None:
        """Remove what a writer that died before committing left: new files and an unfinished journal."""
        leftovers = [self._journal(school).with_suffix(_TEMPORARY_SUFFIX)]
        for table in TABLES:
            leftovers.extend((self.root / table).glob(f"*/school={school}/*{_TEMPORARY_SUFFIX}"))
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)


def _normalise(table: str, rows: pa.Table) -> pa.Table:
    """Cast to the table's schema and sort, so equal content gives equal files."""
    return rows.select(TABLES[table].names).cast(TABLES[table]).sort_by(SORT_KEYS[table]).combine_chunks()


def _write_durably(rows: pa.Table, path: Path) -> None:
    pq.write_table(rows, path, compression="zstd")
    _fsync(path)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
