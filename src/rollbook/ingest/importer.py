"""Importing a school's MIS export into the lake: find the batches, check each whole, land it or not.

One batch is one school's files. Everything in it is checked before anything is written; a batch with any
refusal changes nothing, and one without lands through a single `Lake.replace`, all or none, provided the
school's data is still what the plan was made from. A dry run stops at the plan: what would change, with
the school's `Lake.state`, so that a later import can land exactly that or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rollbook.ingest.batches import Batch, find_batches
from rollbook.ingest.csv_templates import read_marks_csv, read_pupils_csv
from rollbook.ingest.ctf import CtfFile, SourceSchool, read_ctf
from rollbook.ingest.marks import Marks, check_marks
from rollbook.ingest.merge import Counts, Partitions, WeekCounts, plan
from rollbook.ingest.problems import Kind, ValidationReport
from rollbook.ingest.pupils import PupilRecord, combine
from rollbook.ingest.results import KS4Files, read_ks4
from rollbook.ingest.results.merge import plan_results
from rollbook.lake import Lake, LakeChanged, PartitionKey, new_version_id

#: Finds a known school's URN from its LA number and establishment number.
SchoolFinder = Callable[[int, int], "int | None"]


def _no_known_schools(la: int, estab: int) -> int | None:
    return None


@dataclass
class ImportOutcome:
    """What became of one batch: which school, whether it landed, what changed, and the report."""

    files: list[Path]
    report: ValidationReport
    urn: int | None = None
    la: int | None = None
    estab: int | None = None
    name: str | None = None
    landed: bool = False
    counts: Counts = field(default_factory=Counts)
    partitions_written: list[PartitionKey] = field(default_factory=list)
    #: Marks added, changed and removed by week commencing (a Monday), as `counts` holds them in all.
    weeks: dict[dt.date, WeekCounts] = field(default_factory=dict)
    dry_run: bool = False
    #: The partitions the import changes (or, in a dry run, would change).
    planned: list[PartitionKey] = field(default_factory=list)
    #: What the school's data was when the import was planned (Lake.state).
    lake_state: str | None = None
    #: The lake version keeping what the import replaced, when it was asked to keep one and wrote.
    version: str | None = None

    @property
    def no_change(self) -> bool:
        """Landed, but the lake already held exactly this (as when the same files are imported twice)."""
        return self.landed and not self.partitions_written

    @property
    def previewed(self) -> bool:
        """A dry run that found nothing to refuse: `counts` say what importing the files would change."""
        return self.dry_run and self.lake_state is not None and not self.report.refused

    def summary(self) -> str:
        school = f"School {self.urn}" if self.urn is not None else "Unknown school"
        if self.name:
            school += f" ({self.name})"
        if self.previewed:
            if not self.planned:
                return f"{school}: nothing would change; the lake already holds these files."
            return f"{school}: would change {self.changes_text()}; nothing has been written yet."
        if not self.landed:
            return f"{school}: refused with {len(self.report.refusals):,} problem(s); nothing was changed."
        if self.no_change:
            return f"{school}: no change; the lake already holds this import."
        return f"{school}: {self.changes_text()}; {len(self.partitions_written)} partition(s) written."

    def changes_text(self) -> str:
        c = self.counts
        text = (
            f"pupils {c.pupils_added:,} added, {c.pupils_updated:,} updated, {c.pupils_unchanged:,} "
            f"unchanged; marks {c.marks_added:,} added, {c.marks_changed:,} changed, "
            f"{c.marks_removed:,} removed"
        )
        if c.results_added or c.results_changed or c.results_removed:
            text += (
                f"; results {c.results_added:,} added, {c.results_changed:,} changed, "
                f"{c.results_removed:,} removed"
            )
        if c.prior_added or c.prior_updated or c.prior_unchanged:
            text += (
                f"; prior attainment {c.prior_added:,} added, {c.prior_updated:,} updated, "
                f"{c.prior_unchanged:,} unchanged"
            )
        if c.baseline_added or c.baseline_updated or c.baseline_unchanged:
            text += (
                f"; baseline scores {c.baseline_added:,} added, {c.baseline_updated:,} updated, "
                f"{c.baseline_unchanged:,} unchanged"
            )
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "files": [str(path) for path in self.files],
            "urn": self.urn,
            "la": self.la,
            "estab": self.estab,
            "name": self.name,
            "landed": self.landed,
            "no_change": self.no_change,
            "counts": asdict(self.counts),
            "weeks": weeks_as_list(self.weeks),
            "partitions_written": [asdict(key) for key in self.partitions_written],
            "summary": self.summary(),
            "report": self.report.as_dict(),
        }


def weeks_as_list(weeks: dict[dt.date, WeekCounts]) -> list[dict[str, object]]:
    """Counts by week, in date order, as JSON takes them (dates as ISO)."""
    return [{"week_commencing": week.isoformat(), **asdict(weeks[week])} for week in sorted(weeks)]


@dataclass(frozen=True)
class _Landing:
    """How to land a batch: not at all (a dry run), only onto the state a preview saw, keeping a version."""

    dry_run: bool = False
    expect: str | None = None
    keep_version: bool = False
    #: The id to keep the version under, rather than a new one.
    version: str | None = None


def import_paths(
    paths: Sequence[Path],
    lake: Lake,
    *,
    school: int | None = None,
    find_school: SchoolFinder = _no_known_schools,
    today: dt.date | None = None,
    academic_year: int | None = None,
    on_batch: Callable[[ImportOutcome], None] | None = None,
    dry_run: bool = False,
    expect: str | None = None,
    keep_versions: bool = False,
    version: str | None = None,
) -> list[ImportOutcome]:
    """Import every batch found in `paths`; one outcome per batch.

    `school` is the URN for files that name none (CSVs); a CTF naming another school is refused.
    `find_school` finds the URN of a CTF whose header gives LEA and Estab but no URN. Marks dated after
    `today` are refused. `academic_year` is the year marks.csv dates must fall in (by default the year of
    its first row). `on_batch` hears of each outcome as its batch finishes, for a progress bar.

    A `dry_run` checks and plans but writes nothing. `expect` refuses a batch unless its school's data is
    still that state (a preview's `lake_state`), so what lands is what was previewed. `keep_versions`
    keeps what each landing batch replaces as a lake version (the outcome's `version`), for undo; `version`
    is the id to keep it under (for files that are one batch), so that a landing whose process died can be
    found in the lake afterwards.
    """
    today = today or dt.date.today()
    landing = _Landing(dry_run, expect, keep_versions or version is not None, version)
    batches, ignored = find_batches(paths)
    outcomes = []
    for batch in batches:
        outcomes.append(_import(batch, lake, school, find_school, today, academic_year, landing))
        if len(outcomes) == 1:  # the ignored files are noted with the first batch, before anyone hears of it
            _note_ignored(outcomes[0].report, ignored)
        if on_batch is not None:
            on_batch(outcomes[-1])
    if not outcomes:
        report = ValidationReport()
        report.refuse(Kind.UNREADABLE, "found no CTF (.xml), pupils.csv or marks.csv to import")
        _note_ignored(report, ignored)
        outcomes.append(ImportOutcome([Path(path) for path in paths], report))
    return outcomes


def _note_ignored(report: ValidationReport, ignored: Sequence[Path]) -> None:
    for path in ignored:
        report.note(Kind.IGNORED, "not a CTF or a Rollbook CSV; ignored", file=str(path))


def _import(
    batch: Batch,
    lake: Lake,
    school: int | None,
    find_school: SchoolFinder,
    today: dt.date,
    academic_year: int | None,
    landing: _Landing,
) -> ImportOutcome:
    report = ValidationReport()
    for path in batch.unrecognised:
        reason = "not a CTF (.xml), pupils.csv or marks.csv" if path.exists() else "no such file"
        report.refuse(Kind.UNREADABLE, reason, file=path.name)
    given_year = academic_year if academic_year is not None or school is None else _joined(lake, school)
    ctfs = [read_ctf(path, report, academic_year=given_year) for path in batch.ctfs]
    extras = [record for path in batch.pupils for record in read_pupils_csv(path, report)]
    marks = Marks.concat(
        [ctf.marks for ctf in ctfs]
        + [read_marks_csv(path, report, academic_year=academic_year) for path in batch.marks]
    )
    source = _source_school(ctfs, report)
    urn = _school(source, school, find_school, report)
    outcome = ImportOutcome(batch.files, report, urn, source.la, source.estab, source.name)
    outcome.dry_run = landing.dry_run
    pupils = combine([record for ctf in ctfs for record in ctf.pupils], extras, report)
    _check_birth_dates(pupils.values(), today, report)
    years = _years(ctfs, marks, academic_year if academic_year is not None else _joined(lake, urn))
    if not years and urn is not None:
        report.refuse(
            Kind.YEAR,
            "these files do not say which academic year they are for, and the school has no data yet for "
            "them to join; give the academic year (such as 2024 for 2024/25)",
        )
    state = lake.state(urn) if urn is not None else None
    current = Partitions(lake, urn) if urn is not None else None
    roll = current.roll(years) if current is not None else {}
    roll.update({upn: (p.values["admission_date"], p.values["leaving_date"]) for upn, p in pupils.items()})
    marks = check_marks(marks, roll, report, today)
    ks4 = _ks4(batch, years, current, pupils.values(), report)
    if landing.expect is not None and state != landing.expect:
        _refuse_changed(report)
    if report.refused or current is None:
        return outcome
    changes = plan(current, years, pupils.values(), marks)
    if ks4 is not None:
        plan_results(changes, current, ks4)
    version = (landing.version or new_version_id()) if landing.keep_version and not landing.dry_run else None
    if not landing.dry_run and changes.partitions:
        try:
            outcome.partitions_written = lake.replace(changes.partitions, keep=version, expect=state)
        except LakeChanged:
            _refuse_changed(report)
            return outcome
    outcome.landed = not landing.dry_run
    outcome.counts, outcome.weeks, outcome.planned = changes.counts, changes.weeks, sorted(changes.partitions)
    outcome.lake_state = state
    outcome.version = version if outcome.partitions_written else None
    return outcome


def _ks4(
    batch: Batch, years: set[int], current: Partitions | None, pupils: Iterable[PupilRecord], report
) -> KS4Files | None:
    """The batch's results, prior attainment and baselines, for the latest year it touches; None when it has
    none of them (or no year, which is refused already)."""
    if not years or not (batch.results or batch.prior or batch.baseline):
        return None
    year = max(years)
    groups = _year_groups(current, year, pupils) if current is not None else None
    return read_ks4(batch.results, batch.prior, year, groups, report, batch.baseline)


def _year_groups(current: Partitions, year: int, pupils: Iterable[PupilRecord]) -> dict[str, int | None]:
    """The school's pupils of `year` with their National Curriculum years, as the import would leave them."""
    held = current.get("pupils", year)
    groups = dict(zip(*held.select(["upn", "nc_year"]).to_pydict().values(), strict=True)) if held else {}
    groups.update({pupil.upn: pupil.values.get("nc_year") for pupil in pupils})
    return groups


def _refuse_changed(report: ValidationReport) -> None:
    report.refuse(
        Kind.CHANGED_MEANWHILE,
        "the school's data changed after these files were checked (another import or a sync landed in "
        "between), so what they would change is no longer known; nothing was changed",
    )


def _source_school(ctfs: list[CtfFile], report: ValidationReport) -> SourceSchool:
    """The one school the batch's CTFs come from (an empty SourceSchool when there are none)."""
    schools = {(ctf.school.la, ctf.school.estab, ctf.school.urn): ctf for ctf in ctfs}
    if len(schools) > 1:
        names = "; ".join(
            f"{ctf.path.name}: LEA {la}, Estab {estab}, URN {urn}"
            for (la, estab, urn), ctf in schools.items()
        )
        report.refuse(
            Kind.SCHOOL, f"the CTFs come from different schools ({names}); import each school separately"
        )
    return ctfs[0].school if ctfs else SourceSchool()


def _school(
    source: SourceSchool, school: int | None, find_school: SchoolFinder, report: ValidationReport
) -> int | None:
    """The batch's URN: the CTF header's URN, else its LEA and Estab as a known school, else `school`."""
    urn = source.urn
    if urn is None and source.la is not None and source.estab is not None:
        urn = find_school(source.la, source.estab)
    if school is not None and urn is not None and urn != school:
        report.refuse(
            Kind.SCHOOL, f"the CTF comes from school URN {urn}, not the school asked for ({school})"
        )
        return None
    urn = urn if urn is not None else school
    if urn is None:
        if source.la is not None:
            why = f"the CTF header has no URN and LEA {source.la}, Estab {source.estab} is not a known school"
        else:
            why = "the files name no school"
        report.refuse(Kind.SCHOOL, f"cannot tell which school this is: {why}; give the school's URN")
    return urn


def _check_birth_dates(pupils: Sequence[PupilRecord], today: dt.date, report: ValidationReport) -> None:
    for pupil in pupils:
        dob = pupil.values.get("dob")
        if isinstance(dob, dt.date) and dob > today:
            report.refuse(
                Kind.BAD_DATE,
                "the date of birth is in the future",
                **pupil.place,
                upn=pupil.upn,
                day=dob,
            )


def _joined(lake: Lake, school: int | None) -> int | None:
    """The latest academic year the school's data holds, which files that name no year join."""
    years = lake.academic_years(school) if school is not None else []
    return years[-1] if years else None


def _years(ctfs: list[CtfFile], marks: Marks, otherwise: int | None) -> set[int]:
    """The academic years the batch touches: its CTF headers' and its marks'; for files that say none,
    `otherwise` (the year given, or the one the school's data is in), or none at all."""
    years = {ctf.school.academic_year for ctf in ctfs if ctf.school.academic_year is not None}
    years.update(int(year) for year in set(marks.academic_years().tolist()))
    if not years and otherwise is not None:
        years.add(otherwise)
    return years
