"""Reading and atomically replacing lake partitions.

Layout: `ROOT/<table>/academic_year=<YYYY>/school=<URN>/data.parquet`, one file per partition, so that
replacing a partition is one `os.replace`. One import can change several partitions (pupils and marks,
perhaps two years); they land together through a redo journal:

1. every new file is written beside its target under a temporary name and flushed to disk;
2. the journal naming each rename is written and renamed into place (the commit point);
3. the renames are applied and the journal removed.

A crash before step 2 leaves only temporary files, removed by the next writer of that school or, for any
school, the next process to open the lake; a crash after it is rolled forward by the next writer or reader
of that school. Writers of one school take that school's lock, so two
imports for the same school never interleave; different schools proceed in parallel.

A write can keep what it replaced, so that it can be undone: a version of the school,
`ROOT/_versions/school=<URN>/<id>/`, holding the previous file of each partition it changed (a hard link
made by the same journal, so costing no copy) or nothing for a partition it created, and a manifest naming
the partitions with the digest each had just after the write. `restore` puts the previous files back, through
the journal again, only while every one of those partitions is still as the write left it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from rollbook import config
from rollbook.lake.files import fsync, write_durably
from rollbook.lake.parts import schools_of
from rollbook.lake.schema import SORT_KEYS, TABLES

DATA_FILE = "data.parquet"
VERSIONS = "_versions"
#: Where publishing keeps each enrolment's tallies between publishes (`analytics.comparators.tallies`).
TALLIES = "_tallies"
MANIFEST = "manifest.json"
_TEMPORARY_SUFFIX = ".tmp"
_VERSION_ID = re.compile(r"[0-9a-f]{32}")
_SCHOOL_FOLDER = re.compile(r"school=(\d+)")
#: The lakes this process has opened, each tidied of what killed writers left the first time.
_opened: set[Path] = set()


@dataclass(frozen=True, order=True)
class PartitionKey:
    table: str
    academic_year: int
    school: int

    def __post_init__(self) -> None:
        if self.table not in TABLES:
            raise ValueError(f"unknown lake table {self.table!r}")


@dataclass(frozen=True)
class Version:
    """What one write of a school replaced, kept so that it can be undone: `after` holds the digest of
    each partition just after the write (None where it removed the partition)."""

    id: str
    school: int
    created: dt.datetime
    after: dict[PartitionKey, str | None]


class LakeChanged(Exception):
    """A school's partitions are no longer as the caller saw them: another write came in between."""

    def __init__(self, message: str, partitions: list[PartitionKey]) -> None:
        super().__init__(message)
        self.partitions = partitions


def new_version_id() -> str:
    return uuid.uuid4().hex


class Lake:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        if self.root not in _opened:
            _opened.add(self.root)
            self._remove_strays()

    @classmethod
    def configured(cls) -> Lake:
        """The deployment's lake, in the configured data folder (`ROLLBOOK_DATA_DIR`)."""
        return cls(config.lake_root())

    # Paths

    def partition_dir(self, key: PartitionKey) -> Path:
        return self.root / key.table / f"academic_year={key.academic_year}" / f"school={key.school}"

    def path(self, key: PartitionKey) -> Path:
        return self.partition_dir(key) / DATA_FILE

    def tallies_root(self) -> Path:
        return self.root / TALLIES

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

    def latest(
        self,
        table: str,
        column: str,
        academic_years: list[int] | None = None,
        schools: list[int] | None = None,
    ) -> object | None:
        """The largest value of `column` in `table` (optionally some years and schools), None when it has
        none. Read from the statistics each Parquet file keeps per row group, so no rows are read; a row
        group without them has its column read instead."""
        found = []
        for path in self.files(table, academic_years, schools):
            metadata = pq.read_metadata(path)
            index = metadata.schema.names.index(column)
            for group in range(metadata.num_row_groups):
                statistics = metadata.row_group(group).column(index).statistics
                if statistics is not None and statistics.has_min_max:
                    found.append(statistics.max)
                else:
                    rows = pq.ParquetFile(path).read_row_group(group, columns=[column])
                    found.append(pc.max(rows[column]).as_py())
        return max((value for value in found if value is not None), default=None)

    def partitions(self, table: str, school: int | None = None) -> list[PartitionKey]:
        keys = []
        for path in self.files(table, schools=None if school is None else [school]):
            year = int(path.parent.parent.name.partition("=")[2])
            urn = int(path.parent.name.partition("=")[2])
            keys.append(PartitionKey(table, year, urn))
        return keys

    def schools(self) -> list[int]:
        return sorted({key.school for key in self.partitions("pupils")})

    def holds(self, school: int) -> bool:
        """Whether the lake holds any pupils of the school: without listing every other school's."""
        return bool(self.files("pupils", schools=[school]))

    def academic_years(self, school: int | None = None) -> list[int]:
        return sorted({key.academic_year for key in self.partitions("pupils", school)})

    def school_rows(self, school: int) -> dict[PartitionKey, int]:
        """Every partition of a school with its number of rows, read from each file's footer."""
        return {
            key: pq.read_metadata(self.path(key)).num_rows
            for table in TABLES
            for key in self.partitions(table, school)
        }

    def version(self, school: int) -> str:
        """A digest that changes whenever any of a school's partitions is written: each file's path and
        what its replacement always changes (a new file is renamed into place: a new inode, time and size).
        Cheap enough for every request, unlike `state`, which reads the files."""
        signature = []
        for table in TABLES:
            for path in self.files(table, schools=[school]):
                try:
                    status = path.stat()
                except FileNotFoundError:  # erased while listed: the digest changes all the same
                    continue
                signature.append((str(path), status.st_ino, status.st_mtime_ns, status.st_size))
        return hashlib.sha256(repr(signature).encode()).hexdigest()

    def state(self, school: int) -> str:
        """A digest of everything the lake holds for a school: equal while nothing of it is written."""
        with self.locked(school):
            return self._state(school)

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

    def replace(
        self,
        changes: Mapping[PartitionKey, pa.Table | None],
        *,
        keep: str | None = None,
        expect: str | None = None,
    ) -> list[PartitionKey]:
        """Replace (or, for None, delete) partitions of one school, all or none. Returns the partitions
        whose content changed; a partition whose new rows equal its old ones is left untouched.

        With `keep` (from `new_version_id`), what the changed partitions held before is kept as that
        version of the school, for `restore`. With `expect`, the school's `state` must still be `expect`
        when the write begins, or nothing is written and LakeChanged is raised."""
        schools = {key.school for key in changes}
        if len(schools) > 1:
            raise ValueError("one replace touches one school")
        if not changes:
            return []
        (school,) = schools
        if keep is not None:
            _checked(keep)
        with self.locked(school):
            if expect is not None and self._state(school) != expect:
                raise LakeChanged(f"school {school}'s data changed since it was last read", [])
            return self._replace_locked(school, changes, keep)

    def erase_school(self, school: int) -> dict[PartitionKey, int]:
        """Remove every partition of a school and every kept version of it, all or none, returning each
        partition's rows. The partitions are listed under the lock, after any crashed write is rolled
        forward, so one it was adding goes too."""
        with self.locked(school):
            self._forget_tallies(school)
            held = self.school_rows(school)
            commit = _Commit(self, school)
            self._stage(commit, dict.fromkeys(held))
            commit.remove(self._versions_dir(school))
            commit.apply()
            return held

    def erase_pupil(self, upn: str, school: int) -> dict[PartitionKey, int]:
        """Remove pupil `upn`'s rows from every partition of `school` and from its kept versions, all or
        none (GDPR erasure); a partition left empty is deleted. Returns the rows removed from each
        partition that held any. A version whose partition is rewritten here is told its new digest, so the
        write it kept can still be undone (to its previous content, without the pupil)."""
        with self.locked(school):
            self._forget_tallies(school)
            commit = _Commit(self, school)
            removed: dict[PartitionKey, int] = {}
            rewritten: dict[PartitionKey, tuple[str, str | None]] = {}  # digests before and after
            for key in self.school_rows(school):
                kept, gone = _without_pupil(self.path(key), key.table, upn)
                if gone:
                    removed[key] = gone
                    rewritten[key] = (_digest(self.path(key)), commit.replace(self.path(key), kept))
            for version in self._versions(school):
                for key in version.after:
                    if self._kept_path(version.id, key).exists():
                        kept, gone = _without_pupil(self._kept_path(version.id, key), key.table, upn)
                        if gone:
                            commit.replace(self._kept_path(version.id, key), kept)
                after = {
                    key: rewritten[key][1] if key in rewritten and digest == rewritten[key][0] else digest
                    for key, digest in version.after.items()
                }
                if after != version.after:
                    commit.write_text(self._manifest(school, version.id), _manifest_text(version, after))
            commit.apply()
            return removed

    def _forget_tallies(self, school: int) -> None:
        """Delete every part of the tallies publishing keeps that holds the school (they hold no UPN, but
        count its pupils), first: should the erasure then fail, only what the next publish works out again
        is gone."""
        for part in self.tallies_root().rglob("*.parquet"):
            if school in (schools_of(part) or ()):
                part.unlink(missing_ok=True)

    # Versions

    def versions(self, school: int) -> list[Version]:
        """The kept versions of a school, oldest first."""
        with self.locked(school):
            return self._versions(school)

    def restore(self, school: int, version: str) -> list[PartitionKey]:
        """Put back what the write kept as `version` replaced, all or none, and drop the version. Refused
        with LakeChanged, changing nothing, when any of its partitions has been written since (undoing it
        would lose that later data); LookupError when no such version is kept."""
        with self.locked(school):
            kept = {each.id: each for each in self._versions(school)}.get(_checked(version))
            if kept is None:
                raise LookupError(f"version {version} of school {school} is not kept")
            later = [key for key, digest in kept.after.items() if _digest_if_any(self.path(key)) != digest]
            if later:
                raise LakeChanged(f"school {school}'s data was written again after version {version}", later)
            commit = _Commit(self, school)
            for key in sorted(kept.after):
                previous = self._kept_path(version, key)
                if previous.exists():
                    commit.move(previous, self.path(key))
                elif self.path(key).exists():
                    commit.delete(self.path(key))
            commit.remove(self._version_dir(school, version))
            commit.apply()
            return sorted(kept.after)

    def schools_keeping(self, upn: str) -> list[int]:
        """The schools whose kept versions hold rows of pupil `upn`, though their current data may not (a
        later import removed the pupil): erasure must reach those copies too."""
        found = []
        for school_dir in sorted((self.root / VERSIONS).glob("school=*")):
            files = [str(path) for path in school_dir.glob(f"*/*/academic_year=*/{DATA_FILE}")]
            if files and ds.dataset(files, format="parquet").count_rows(filter=pc.field("upn") == upn):
                found.append(int(school_dir.name.removeprefix("school=")))
        return found

    def prune_versions(self, school: int, keep: int) -> list[str]:
        """Drop all but the newest `keep` versions of a school; returns the ids dropped."""
        with self.locked(school):
            versions = self._versions(school)
            dropped = versions[: max(0, len(versions) - keep)]
            commit = _Commit(self, school)
            for version in dropped:
                commit.remove(self._version_dir(school, version.id))
            commit.apply()
            return [version.id for version in dropped]

    def _versions_dir(self, school: int) -> Path:
        return self.root / VERSIONS / f"school={school}"

    def _version_dir(self, school: int, version: str) -> Path:
        return self._versions_dir(school) / version

    def _manifest(self, school: int, version: str) -> Path:
        return self._version_dir(school, version) / MANIFEST

    def _kept_path(self, version: str, key: PartitionKey) -> Path:
        return (
            self._version_dir(key.school, version)
            / key.table
            / f"academic_year={key.academic_year}"
            / DATA_FILE
        )

    def _versions(self, school: int) -> list[Version]:
        found = [_read_manifest(path, school) for path in self._versions_dir(school).glob(f"*/{MANIFEST}")]
        return sorted(found, key=lambda version: (version.created, version.id))

    def _state(self, school: int) -> str:
        digests = [
            [key.table, key.academic_year, _digest(self.path(key))]
            for table in TABLES
            for key in self.partitions(table, school)
        ]
        return hashlib.sha256(json.dumps(digests).encode()).hexdigest()

    def _replace_locked(
        self, school: int, changes: Mapping[PartitionKey, pa.Table | None], keep: str | None = None
    ) -> list[PartitionKey]:
        commit = _Commit(self, school)
        after = self._stage(commit, changes, keep)
        if keep is not None and after:
            created = dt.datetime.now(dt.UTC)
            version = Version(keep, school, created, after)
            commit.write_text(self._manifest(school, keep), _manifest_text(version, after))
        commit.apply()
        return sorted(after)

    def _stage(
        self, commit: _Commit, changes: Mapping[PartitionKey, pa.Table | None], keep: str | None = None
    ) -> dict[PartitionKey, str | None]:
        """Stage the partitions that change, each kept first when asked; returns their digests after."""
        after: dict[PartitionKey, str | None] = {}
        for key in sorted(changes):
            target = self.path(key)
            new = changes[key]
            if new is None and not target.exists():
                continue
            if new is not None:
                new = _normalise(key.table, new)
                if target.exists() and pq.read_table(target, schema=TABLES[key.table]).equals(new):
                    continue
            if keep is not None and target.exists():
                commit.keep(target, self._kept_path(keep, key))
            after[key] = commit.replace(target, new)
        return after

    # Crash recovery

    def _journal(self, school: int) -> Path:
        return self.root / "_journal" / f"school={school}.json"

    def _recover_if_needed(self, school: int) -> None:
        if self._journal(school).exists():
            with self.locked(school):
                pass

    def _roll_forward(self, school: int) -> None:
        """Apply a committed journal's steps; each may have been applied already by a writer that died."""
        journal = self._journal(school)
        if not journal.exists():
            return
        for step in json.loads(journal.read_text()):
            if "rename" in step:
                if os.path.exists(step["rename"]):
                    os.replace(step["rename"], step["to"])
            elif "keep" in step:
                if os.path.exists(step["keep"]) and not os.path.exists(step["as"]):
                    os.link(step["keep"], step["as"])
            elif "remove" in step:
                shutil.rmtree(step["remove"], ignore_errors=True)
            elif os.path.exists(step["delete"]):
                os.remove(step["delete"])
        journal.unlink()

    def _remove_strays(self) -> None:
        """Remove the temporary files writers killed before committing left, school by school under its
        lock (which rolls forward a write that did commit); a school whose lock is held is at work now, and
        its writer tidies its own. A lake this process cannot write to is left as it is."""
        strays = [
            *self.root.glob(f"*/academic_year=*/school=*/*{_TEMPORARY_SUFFIX}"),
            *self.root.glob(f"{VERSIONS}/school=*/**/*{_TEMPORARY_SUFFIX}"),
            *self.root.glob(f"_journal/school=*{_TEMPORARY_SUFFIX}"),
        ]
        places = (str(path.relative_to(self.root)) for path in strays)
        schools = {int(found[1]) for place in places if (found := _SCHOOL_FOLDER.search(place))}
        for school in sorted(schools):
            try:
                (self.root / "_locks").mkdir(exist_ok=True)
                with FileLock(self.root / "_locks" / f"school={school}.lock", timeout=0):
                    self._roll_forward(school)
                    self._remove_temporary_files(school)
            except (Timeout, OSError):
                continue

    def _remove_temporary_files(self, school: int) -> None:
        """Remove what a writer that died before committing left: new files, an unfinished journal, and a
        version that never got its manifest."""
        leftovers = [self._journal(school).with_suffix(_TEMPORARY_SUFFIX)]
        for table in TABLES:
            leftovers.extend((self.root / table).glob(f"*/school={school}/*{_TEMPORARY_SUFFIX}"))
        leftovers.extend(self._versions_dir(school).rglob(f"*{_TEMPORARY_SUFFIX}"))
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        for version in self._versions_dir(school).glob("*"):
            if not (version / MANIFEST).exists():
                shutil.rmtree(version, ignore_errors=True)


class _Commit:
    """One all-or-none change to a school's files: new content is staged beside its target, then the
    journal naming every step is committed, then the steps are applied (see the module's docstring)."""

    def __init__(self, lake: Lake, school: int) -> None:
        self.lake = lake
        self.school = school
        self.steps: list[dict[str, str]] = []

    def write(self, target: Path, rows: pa.Table) -> str:
        """Stage `rows` as `target`'s new content; returns the new file's digest."""
        temporary = self._temporary(target)
        write_durably(rows, temporary)
        self.steps.append({"rename": str(temporary), "to": str(target)})
        return _digest(temporary)

    def replace(self, target: Path, rows: pa.Table | None) -> str | None:
        """Stage `rows` as `target`'s new content, or for None its deletion; returns the new file's digest
        (None when deleted)."""
        if rows is None:
            self.delete(target)
            return None
        return self.write(target, rows)

    def write_text(self, target: Path, text: str) -> None:
        temporary = self._temporary(target)
        temporary.write_text(text)
        fsync(temporary)
        self.steps.append({"rename": str(temporary), "to": str(target)})

    def keep(self, target: Path, kept: Path) -> None:
        """Keep `target`'s current file as `kept` too (a hard link), before any later step replaces it."""
        kept.parent.mkdir(parents=True, exist_ok=True)
        self.steps.append({"keep": str(target), "as": str(kept)})

    def move(self, source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.steps.append({"rename": str(source), "to": str(target)})

    def delete(self, target: Path) -> None:
        self.steps.append({"delete": str(target)})

    def remove(self, directory: Path) -> None:
        """Remove a whole folder (a version, or all of a school's), after the other steps."""
        self.steps.append({"remove": str(directory)})

    def apply(self) -> None:
        if not self.steps:
            return
        journal = self.lake._journal(self.school)
        journal.parent.mkdir(parents=True, exist_ok=True)
        pending = journal.with_suffix(_TEMPORARY_SUFFIX)
        pending.write_text(json.dumps(self.steps))
        fsync(pending)
        os.replace(pending, journal)
        self.lake._roll_forward(self.school)

    @staticmethod
    def _temporary(target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        return target.with_name(f"{target.name}.{uuid.uuid4().hex}{_TEMPORARY_SUFFIX}")


def _checked(version: str) -> str:
    """A version id, refused unless it has the shape `new_version_id` makes (it names a folder)."""
    if not _VERSION_ID.fullmatch(version):
        raise ValueError(f"not a version id: {version!r}")
    return version


def _manifest_text(version: Version, after: Mapping[PartitionKey, str | None]) -> str:
    return json.dumps(
        {
            "id": version.id,
            "created": version.created.isoformat(),
            "partitions": [
                {"table": key.table, "academic_year": key.academic_year, "after": digest}
                for key, digest in sorted(after.items())
            ],
        }
    )


def _read_manifest(path: Path, school: int) -> Version:
    manifest = json.loads(path.read_text())
    return Version(
        manifest["id"],
        school,
        dt.datetime.fromisoformat(manifest["created"]),
        {
            PartitionKey(each["table"], each["academic_year"], school): each["after"]
            for each in manifest["partitions"]
        },
    )


def _without_pupil(path: Path, table: str, upn: str) -> tuple[pa.Table | None, int]:
    """The file's rows other than pupil `upn`'s (None when there are none left), and how many of theirs
    there were."""
    rows = pq.read_table(path, schema=TABLES[table])
    kept = rows.filter(pc.invert(pc.equal(rows["upn"], upn).fill_null(False)))
    return kept if kept.num_rows else None, rows.num_rows - kept.num_rows


def _digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _digest_if_any(path: Path) -> str | None:
    return _digest(path) if path.exists() else None


def _normalise(table: str, rows: pa.Table) -> pa.Table:
    """Cast to the table's schema and sort, so equal content gives equal files."""
    return rows.select(TABLES[table].names).cast(TABLES[table]).sort_by(SORT_KEYS[table]).combine_chunks()
