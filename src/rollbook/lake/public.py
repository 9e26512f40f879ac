"""Public school data at rest (performance tables, Ofsted ratings, Schools Like Yours), by results year.

Public data is not pupil data: it lives apart from the lake's partitions, under `ROOT = <data>/public`:

    ROOT/year=2019/CURRENT                 the id of the year's current version
    ROOT/year=2019/<id>/ks4.parquet        one file per data set held for the year
    ROOT/year=2019/<id>/manifest.json      each data set's rows and the files it was read from

An import replaces a year whole: it writes a new version folder (the data sets it brings as new files, the
others as hard links to the current version's, so costing no copy), flushes it, renames it into place and
then replaces `CURRENT` with `os.replace`, the one step that makes it the year's data. A reader sees the old
version or the new, never a mixture; a crash before that step leaves a folder no pointer names, removed by
the next writer. Writers of a year take its lock. The version before the current one is kept for readers
still using it; older ones are removed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from filelock import FileLock

from rollbook.lake.files import fsync, write_durably
from rollbook.rules.public.fields import Kind

POINTER = "CURRENT"
MANIFEST = "manifest.json"
_TEMPORARY = ".tmp"

#: How each kind of field is held at rest.
ARROW_TYPES = {
    Kind.IDENTIFIER: pa.int64(),
    Kind.NAME: pa.string(),
    Kind.CATEGORY: pa.string(),
    Kind.RATING: pa.int8(),
    Kind.RATE: pa.float64(),
    Kind.SCORE: pa.float64(),
    Kind.COUNT: pa.int64(),
}


@dataclass(frozen=True)
class Held:
    """What a year holds of one data set, as its manifest says."""

    dataset: str
    rows: int
    files: tuple[str, ...]
    imported: str  # ISO date and time, UTC


class PublicStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def years(self) -> list[int]:
        """The results years held, earliest first."""
        return sorted(
            int(path.parent.name.removeprefix("year=")) for path in self.root.glob(f"year=*/{POINTER}")
        )

    def path(self, year: int, dataset: str) -> Path | None:
        """The current file of a data set for a year, or None when the year does not hold it."""
        version = self._current(year)
        if version is None:
            return None
        path = self._year_dir(year) / version / f"{dataset}.parquet"
        return path if path.exists() else None

    def held(self, year: int) -> dict[str, Held]:
        """Each data set the year holds, from its current manifest."""
        version = self._current(year)
        if version is None:
            return {}
        entries = json.loads((self._year_dir(year) / version / MANIFEST).read_text())
        return {
            name: Held(name, each["rows"], tuple(each["files"]), each["imported"])
            for name, each in entries.items()
        }

    def replace(self, year: int, tables: Mapping[str, pa.Table], files: Mapping[str, list[str]]) -> str:
        """Make `tables` (by data set) the year's data, keeping the data sets not named, all or none;
        `files` names the files each was read from. Returns the new version's id."""
        year_dir = self._year_dir(year)
        year_dir.mkdir(parents=True, exist_ok=True)
        with FileLock(self.root / f"year={year}.lock"):
            self._remove_leftovers(year)
            current = self._current(year)
            kept = {} if current is None else self.held(year)
            version = uuid.uuid4().hex
            staging = year_dir / f"{version}{_TEMPORARY}"
            staging.mkdir()
            imported = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            manifest = {name: _entry(held) for name, held in kept.items() if name not in tables}
            for name in manifest:
                os.link(year_dir / str(current) / f"{name}.parquet", staging / f"{name}.parquet")
            for name, table in tables.items():
                write_durably(table, staging / f"{name}.parquet")
                manifest[name] = {
                    "rows": table.num_rows,
                    "files": list(files.get(name, [])),
                    "imported": imported,
                }
            (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
            fsync(staging / MANIFEST)
            os.rename(staging, year_dir / version)
            pointer = year_dir / f"{POINTER}{_TEMPORARY}"
            pointer.write_text(version)
            fsync(pointer)
            os.replace(pointer, year_dir / POINTER)
            self._remove_old_versions(year, version, current)
            return version

    def _year_dir(self, year: int) -> Path:
        return self.root / f"year={year}"

    def _current(self, year: int) -> str | None:
        try:
            return (self._year_dir(year) / POINTER).read_text().strip() or None
        except FileNotFoundError:
            return None

    def _remove_leftovers(self, year: int) -> None:
        """What a writer that died before moving the pointer left behind."""
        for leftover in self._year_dir(year).glob(f"*{_TEMPORARY}"):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)

    def _remove_old_versions(self, year: int, current: str, previous: str | None) -> None:
        """Every version but the current one and the one before it (a reader may have resolved the pointer
        just before it moved)."""
        keep = {current, previous}
        for folder in self._year_dir(year).iterdir():
            if folder.is_dir() and folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)


def _entry(held: Held) -> dict[str, object]:
    return {"rows": held.rows, "files": list(held.files), "imported": held.imported}
