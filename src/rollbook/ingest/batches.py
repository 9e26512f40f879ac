"""Grouping the paths given to an import into batches, one per school's set of files, each file by kind.

Files named directly form one batch. A directory whose own files include a CTF or a Rollbook CSV is a
batch of those files; its subdirectories are searched the same way, so the output of `rollbook synth`
(one directory per school) gives one batch per school. Other files met in directories are ignored and
listed in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rollbook.ingest.csv_reading import CsvKind, csv_kind

CTF_SUFFIX = ".xml"
CSV_SUFFIX = ".csv"


@dataclass
class Batch:
    ctfs: list[Path] = field(default_factory=list)
    pupils: list[Path] = field(default_factory=list)
    marks: list[Path] = field(default_factory=list)
    results: list[Path] = field(default_factory=list)
    prior: list[Path] = field(default_factory=list)
    baseline: list[Path] = field(default_factory=list)
    unrecognised: list[Path] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return (
            self.ctfs
            + self.pupils
            + self.marks
            + self.results
            + self.prior
            + self.baseline
            + self.unrecognised
        )

    def add(self, path: Path) -> bool:
        """File `path` under its kind; False (and unfiled) when it is neither a CTF nor a Rollbook CSV."""
        suffix = path.suffix.lower()
        if suffix == CTF_SUFFIX:
            self.ctfs.append(path)
        elif suffix == CSV_SUFFIX and (kind := csv_kind(path)) is not None:
            self.of_kind(kind).append(path)
        else:
            return False
        return True

    def of_kind(self, kind: CsvKind) -> list[Path]:
        return {
            CsvKind.PUPILS: self.pupils,
            CsvKind.MARKS: self.marks,
            CsvKind.RESULTS: self.results,
            CsvKind.PRIOR: self.prior,
            CsvKind.BASELINE: self.baseline,
        }[kind]


def find_batches(paths: Sequence[Path]) -> tuple[list[Batch], list[Path]]:
    """The batches in `paths`, and the files in directories that were ignored."""
    direct = Batch()
    batches: list[Batch] = []
    ignored: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            _search(path, batches, ignored)
        elif not direct.add(path):
            direct.unrecognised.append(path)
    return ([direct] if direct.files else []) + batches, ignored


def _search(directory: Path, batches: list[Batch], ignored: list[Path]) -> None:
    batch = Batch()
    entries = sorted(directory.iterdir())
    for path in entries:
        if path.is_file() and not path.name.startswith(".") and not batch.add(path):
            ignored.append(path)
    if batch.files:
        batches.append(batch)
    for path in entries:
        if path.is_dir() and not path.name.startswith("."):
            _search(path, batches, ignored)
