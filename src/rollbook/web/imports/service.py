"""Running an import for a person or the operator: the lake import, school registration and the audit.

The CLI, the demo, the sync API and the import page all come through here, so every import is recorded in
the import history whether it landed or was refused. An import that lands keeps what it replaced as a lake
version (the newest ROLLBOOK_UNDO_VERSIONS of each school), so that it can be undone.

The import page's files go through three steps: `check` (a dry run: the report and what would change,
nothing written), then `confirm` (lands exactly what was previewed, or nothing if the school's data changed
since), or `cancel`. Undoing an import puts back the school's data as it was before it, unless a later write
changed the same data.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from filelock import FileLock, Timeout

from rollbook.ingest import ImportOutcome, Kind, ValidationReport, import_paths
from rollbook.ingest.batches import find_batches
from rollbook.ingest.importer import weeks_as_list
from rollbook.ingest.merge import Counts
from rollbook.lake import Lake, LakeChanged, PartitionKey
from rollbook.rules.calendar import academic_year_label
from rollbook.web.audit.models import Kind as AuditKind
from rollbook.web.audit.models import record as audit
from rollbook.web.imports.models import ImportRecord, Upload, kept_name
from rollbook.web.schools import registry
from rollbook.web.schools.models import School

#: Told (batches done, batches found) as each school's files finish.
Progress = Callable[[int, int], None]
#: How long files uploaded but neither confirmed nor cancelled are kept.
UPLOAD_LIFETIME = dt.timedelta(days=1)


class UnknownSchool(LookupError):
    """A CSV import named a school that is not registered, so its identity cannot be checked."""


class NotKept(Exception):
    """Uploaded files that could not be kept to be checked (the disk full, say), and nothing of them was."""


class UndoRefused(Exception):
    """An import that cannot be undone, with the reason in words for the person asking."""


def run_import(
    paths: Sequence[Path],
    *,
    actor: str,
    school: int | None = None,
    user=None,
    source: ImportRecord.Source = ImportRecord.Source.CLI,
    progress: Progress | None = None,
    today: dt.date | None = None,
    dry_run: bool = False,
    expect: str | None = None,
    academic_year: int | None = None,
) -> list[ImportOutcome]:
    """Import `paths` into the lake, register schools first seen in a CTF header, and record each batch.

    A `dry_run` writes nothing and records only a refusal (an import that cannot land); `expect` lands a
    batch only onto the school state its preview saw; `academic_year` is for files that name none (see
    `import_paths`)."""
    return [
        outcome
        for outcome, _ in _import_and_record(
            paths,
            actor=actor,
            school=school,
            user=user,
            source=source,
            progress=progress,
            today=today,
            dry_run=dry_run,
            expect=expect,
            academic_year=academic_year,
        )  # fmt: skip
    ]


def _import_and_record(
    paths: Sequence[Path],
    *,
    actor: str,
    school: int | None,
    user,
    source: ImportRecord.Source,
    progress: Progress | None = None,
    today: dt.date | None = None,
    dry_run: bool = False,
    expect: str | None = None,
    version: str | None = None,
    academic_year: int | None = None,
) -> list[tuple[ImportOutcome, ImportRecord | None]]:
    if school is not None and not School.objects.filter(urn=school).exists():
        raise UnknownSchool(
            f"school URN {school} is not registered. Import one of its CTF files without --school first "
            "(the CTF header names the school), or add the school in the admin."
        )
    total = len(find_batches(paths)[0]) or 1
    started = timezone.now()
    done = 0
    records: list[ImportRecord | None] = []

    def finished(outcome: ImportOutcome) -> None:
        nonlocal done, started
        if outcome.urn is None and school is not None:  # refused, for the school it was imported for
            outcome.urn = school
        if source == ImportRecord.Source.WEB:  # the upload's folder means nothing to anyone
            outcome.files = [Path(path.name) for path in outcome.files]
        if outcome.previewed:
            records.append(None)
        else:
            records.append(record_import(outcome, actor=actor, user=user, source=source, started=started))
        done += 1
        started = timezone.now()
        if progress is not None:
            progress(done, total)

    outcomes = import_paths(
        paths,
        Lake.configured(),
        school=school,
        find_school=registry.find_urn,
        today=today,
        on_batch=finished,
        dry_run=dry_run,
        expect=expect,
        keep_versions=True,
        version=version,
        academic_year=academic_year,
    )
    if done == 0:  # nothing importable was found: record the refusal all the same
        finished(outcomes[0])
    return list(zip(outcomes, records, strict=True))


@transaction.atomic
def record_import(
    outcome: ImportOutcome, *, actor: str, user, source: ImportRecord.Source, started: dt.datetime
) -> ImportRecord:
    """Record an import in the history; one that kept a lake version leaves only the newest few kept."""
    school = None
    if outcome.urn is not None:
        school = School.objects.filter(urn=outcome.urn).first()
        if school is None and outcome.landed and outcome.la is not None and outcome.estab is not None:
            school, _ = registry.register(outcome.urn, outcome.la, outcome.estab, outcome.name or "")
    record = ImportRecord.objects.create(
        school=school,
        user=user,
        actor=actor,
        source=source,
        files=[str(path) for path in outcome.files],
        outcome=ImportRecord.LANDED if outcome.landed else ImportRecord.REFUSED,
        changes={
            "counts": asdict(outcome.counts),
            "weeks": weeks_as_list(outcome.weeks),
            "partitions_written": [asdict(key) for key in outcome.partitions_written],
        },
        summary=outcome.summary(),
        problems=outcome.report.as_dict(),
        version=outcome.version or "",
        started=started,
    )
    if outcome.version is not None:  # older imports can no longer be undone, and their records say so
        dropped = Lake.configured().prune_versions(outcome.urn, settings.ROLLBOOK_UNDO_VERSIONS)
        ImportRecord.objects.filter(version__in=dropped).update(version="")
    return record


# -- the import page ------------------------------------------------------------------------------------


def receive(school: School, user, files: Sequence[UploadedFile], academic_year: int | None = None) -> Upload:
    """Keep uploaded files under the data folder, for `check` and later `confirm`; `academic_year` is for
    files that name none."""
    upload = Upload(
        school=school,
        user=user,
        academic_year=academic_year,
        files=[kept_name(file.name) for file in files],
        size=sum(file.size for file in files),
    )
    try:
        for path, file in zip(upload.paths(), files, strict=True):
            path.parent.mkdir(parents=True)
            with path.open("wb") as out:
                for chunk in file.chunks():
                    out.write(chunk)
    except OSError as error:
        shutil.rmtree(upload.folder, ignore_errors=True)
        raise NotKept(
            f"The files could not be kept to be checked ({error.strerror or error}); nothing was imported."
        ) from error
    upload.save()
    return upload


def runs_in_background(upload: Upload) -> bool:
    return upload.size > settings.ROLLBOOK_BACKGROUND_IMPORT_MB * 1024 * 1024


def check(upload: Upload, request=None, progress: Progress | None = None) -> Upload:
    """Check the upload's files and work out what importing them would change, writing nothing. Files
    with any refusal are refused for good: recorded, audited and discarded."""
    ((outcome, record),) = _import_and_record(
        upload.paths(),
        **_who(upload),
        **_files_of(upload),
        source=ImportRecord.Source.WEB,
        progress=progress,
        dry_run=True,
    )
    if record is not None:
        return _finish(upload, record, request)
    upload.status = Upload.READY
    upload.lake_state = outcome.lake_state
    upload.preview = {
        "summary": outcome.summary(),
        "counts": asdict(outcome.counts),
        "weeks": weeks_as_list(outcome.weeks),
        "partitions": [asdict(key) for key in outcome.planned],
    }
    upload.problems = outcome.report.as_dict()
    upload.save()
    return upload


def start_landing(upload: Upload) -> bool:
    """Claim a previewed upload for landing; False when it is not waiting (confirmed twice, say)."""
    return Upload.objects.filter(pk=upload.pk, status=Upload.READY).update(status=Upload.LANDING) == 1


def confirm(upload: Upload, request=None, progress: Progress | None = None) -> Upload:
    """Land exactly what the preview showed (a claimed upload, see `start_landing`). When the school's
    data changed since the preview, nothing lands: the refusal is recorded and the files are checked
    again, for a new preview (`status` READY again)."""
    ((outcome, record),) = _import_and_record(
        upload.paths(),
        **_who(upload),
        **_files_of(upload),
        source=ImportRecord.Source.WEB,
        progress=progress,
        expect=upload.lake_state,
        version=upload.id.hex,
    )
    if not outcome.landed and Kind.CHANGED_MEANWHILE in outcome.report.kinds():
        audit(AuditKind.IMPORT, _audited(record), request=request, user=upload.user, school=upload.school)
        return check(upload, request, progress)
    return _finish(upload, record, request)


@contextmanager
def landing(upload: Upload) -> Iterator[bool]:
    """Hold the upload's landing lock while it is claimed and lands; False, and not held, when another
    request holds it. The operating system lets go of the lock when its process dies, however it dies, so a
    landing that was killed is told from one still running (`settle`)."""
    lock = FileLock(upload.lock_path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def settle(upload: Upload, request=None) -> Upload:
    """The truth about an upload a confirm left "being imported": while the confirm runs, nothing; when it
    died (the web server killed, say), finished as imported if its data landed, as the lake's version kept
    under the upload's id says (a journal the confirm committed is rolled forward first), or else ready to
    confirm again, or to cancel. Background landings are the worker's, which says when one failed."""
    if upload.status != Upload.LANDING or upload.job_id is not None:
        return upload
    with landing(upload) as ours:
        upload.refresh_from_db()
        if not ours or upload.status != Upload.LANDING:
            return upload
        record = ImportRecord.objects.filter(version=upload.id.hex).first() or _record_landed(upload)
        if record is not None:
            return _finish(upload, record, request)
        upload.status = Upload.READY
        upload.save(update_fields=["status"])
        return upload


def _record_landed(upload: Upload) -> ImportRecord | None:
    """The import record of an upload whose data landed before its confirm died unrecorded: the preview's
    counts, which are what landed (it could land only onto the data previewed), and the partitions its
    lake version names; None when no version of it is kept, so nothing of it landed."""
    kept = {version.id: version for version in Lake.configured().versions(upload.school.urn)}
    version = kept.get(upload.id.hex)
    if version is None:
        return None
    outcome = ImportOutcome(
        [Path(name) for name in upload.files],
        ValidationReport(),
        upload.school.urn,
        name=upload.school.name,
        landed=True,
        counts=Counts(**upload.preview["counts"]),
        partitions_written=sorted(version.after),
        version=version.id,
    )
    record = record_import(outcome, **_who(upload), source=ImportRecord.Source.WEB, started=upload.created)
    record.problems, record.changes["weeks"] = upload.problems, upload.preview["weeks"]
    record.save(update_fields=["problems", "changes"])
    return record


def cancel(upload: Upload) -> None:
    """Discard an upload that was not confirmed: its files and its row (nothing was imported)."""
    shutil.rmtree(upload.folder, ignore_errors=True)
    upload.lock_path.unlink(missing_ok=True)
    upload.delete()


def discard_stale(school: School) -> None:
    """Cancel the school's uploads left unconfirmed (or failed) for longer than UPLOAD_LIFETIME, and forget
    finished ones (their records stay in the history)."""
    old = Upload.objects.filter(school=school, created__lt=timezone.now() - UPLOAD_LIFETIME)
    for upload in old.select_related("job", "school", "user"):
        upload = settle(upload)
        if upload.may_cancel or upload.status == Upload.DONE:
            cancel(upload)


def _finish(upload: Upload, record: ImportRecord, request) -> Upload:
    """The upload has become `record` (landed or refused): audit it and let its files go."""
    audit(AuditKind.IMPORT, _audited(record), request=request, user=upload.user, school=upload.school)
    shutil.rmtree(upload.folder, ignore_errors=True)
    upload.status, upload.record = Upload.DONE, record
    upload.save()
    return upload


def _who(upload: Upload) -> dict[str, object]:
    return {"actor": upload.user.get_username() if upload.user else "unknown", "user": upload.user}


def _files_of(upload: Upload) -> dict[str, object]:
    """How an upload's files are imported: for its school, in the year chosen for files that name none."""
    return {"school": upload.school.urn, "academic_year": upload.academic_year}


def _audited(record: ImportRecord) -> str:
    return f"Import {record.pk} of {', '.join(record.file_names)}: {record.get_outcome_display().lower()}"


# -- undo -----------------------------------------------------------------------------------------------


def why_not_undo(record: ImportRecord) -> str | None:
    """Why `record` cannot be undone, in words, or None when it may be (the lake has the last word)."""
    if record.source == ImportRecord.Source.UNDO:
        return "This is the record of an undo; it cannot itself be undone."
    if record.outcome == ImportRecord.UNDONE:
        return "This import has been undone already."
    if record.outcome != ImportRecord.LANDED:
        return "Only an import that landed can be undone: this one changed nothing."
    if not record.changes.get("partitions_written"):
        return "This import changed nothing, so there is nothing to undo."
    if not record.version:
        return (
            "The data from before this import is no longer kept: Rollbook keeps it for each school's "
            f"{settings.ROLLBOOK_UNDO_VERSIONS} latest imports."
        )
    later = _later_imports(record, record.changes["partitions_written"])
    if later:
        return _later_data(later)
    return None


def undo(record: ImportRecord, *, user, request=None) -> ImportRecord:
    """Put the school's data back as it was before `record` landed, and record and audit the undo.
    UndoRefused, changing nothing, when it cannot be."""
    reason = why_not_undo(record)
    if reason is not None:
        raise UndoRefused(reason)
    started = timezone.now()
    try:
        restored = Lake.configured().restore(record.school.urn, record.version)
    except LakeChanged as changed:
        later = _later_imports(record, [asdict(key) for key in changed.partitions])
        raise UndoRefused(
            _later_data(later)
            if later
            else "The school's data has been changed since this import (by a sync or an erasure, not an "
            "import from this page), so undoing it would lose that later data."
        ) from changed
    with transaction.atomic():
        record.outcome, record.version = ImportRecord.UNDONE, ""
        record.save(update_fields=["outcome", "version"])
        undone = ImportRecord.objects.create(
            school=record.school,
            user=user,
            actor=user.get_username(),
            source=ImportRecord.Source.UNDO,
            files=record.files,
            outcome=ImportRecord.LANDED,
            changes={"partitions_written": [asdict(key) for key in restored]},
            summary=(
                f"Undid import {record.pk} of {timezone.localtime(record.finished):%d/%m/%Y %H:%M} by "
                f"{record.actor}: {_describe(restored)} put back as they were before it."
            ),
            started=started,
            undoes=record,
        )
    audit(
        AuditKind.IMPORT, f"Undid import {record.pk} of {', '.join(record.file_names)}",
        request=request, user=user, school=record.school,
    )  # fmt: skip
    return undone


def _later_imports(record: ImportRecord, partitions: list[dict]) -> list[ImportRecord]:
    """The school's imports that landed after `record` and are still in place, writing any of
    `partitions`."""
    wanted = {tuple(sorted(key.items())) for key in partitions}
    later = ImportRecord.objects.filter(
        school=record.school, outcome=ImportRecord.LANDED, finished__gt=record.finished
    ).exclude(source=ImportRecord.Source.UNDO)
    return [
        each
        for each in later.order_by("finished")
        if wanted & {tuple(sorted(key.items())) for key in each.changes.get("partitions_written", [])}
    ]


def _later_data(later: list[ImportRecord]) -> str:
    named = "; ".join(
        f"import {each.pk} of {timezone.localtime(each.finished):%d/%m/%Y %H:%M} by {each.actor}"
        for each in later
    )
    return (
        f"Later imports changed the same data ({named}): undoing this one would lose what they brought. "
        "Undo them first, newest first."
    )


def _describe(partitions: list[PartitionKey]) -> str:
    names = {"pupils": "pupils", "marks": "session marks", "results": "KS4 results",
             "prior_attainment": "KS2 prior attainment", "baselines": "baseline scores"}  # fmt: skip
    return ", ".join(f"{names[key.table]} for {academic_year_label(key.academic_year)}" for key in partitions)
