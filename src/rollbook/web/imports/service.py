"""Running an import for a person or the operator: the lake import, school registration and the audit.

The CLI, the demo and (later) the upload page all come through `run_import`, so every import is recorded
in the import history whether it landed or was refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from rollbook import config
from rollbook.ingest import ImportOutcome, import_paths
from rollbook.ingest.batches import find_batches
from rollbook.lake import Lake
from rollbook.web.imports.models import ImportRecord
from rollbook.web.schools import registry
from rollbook.web.schools.models import School

#: Told (batches done, batches found) as each school's files finish.
Progress = Callable[[int, int], None]


class UnknownSchool(LookupError):
    """A CSV import named a school that is not registered, so its identity cannot be checked."""


def run_import(
    paths: Sequence[Path],
    *,
    actor: str,
    school: int | None = None,
    user=None,
    source: str = "cli",
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> list[ImportOutcome]:
    """Import `paths` into the lake, register schools first seen in a CTF header, and record each batch."""
    if school is not None and not School.objects.filter(urn=school).exists():
        raise UnknownSchool(
            f"school URN {school} is not registered. Import one of its CTF files without --school first "
            "(the CTF header names the school), or add the school in the admin."
        )
    total = len(find_batches(paths)[0]) or 1
    started = timezone.now()
    done = 0

    def finished(outcome: ImportOutcome) -> None:
        nonlocal done, started
        _record(outcome, actor=actor, user=user, source=source, started=started)
        done += 1
        started = timezone.now()
        if progress is not None:
            progress(done, total)

    outcomes = import_paths(
        paths,
        Lake(config.lake_root()),
        school=school,
        find_school=registry.find_urn,
        today=today,
        on_batch=finished,
    )
    if done == 0:  # nothing importable was found: record the refusal all the same
        finished(outcomes[0])
    return outcomes


@transaction.atomic
def _record(outcome: ImportOutcome, *, actor: str, user, source: str, started: dt.datetime) -> ImportRecord:
    school = None
    if outcome.urn is not None:
        school = School.objects.filter(urn=outcome.urn).first()
        if school is None and outcome.landed and outcome.la is not None and outcome.estab is not None:
            school, _ = registry.register(outcome.urn, outcome.la, outcome.estab, outcome.name or "")
    return ImportRecord.objects.create(
        school=school,
        user=user,
        actor=actor,
        source=source,
        files=[str(path) for path in outcome.files],
        outcome=ImportRecord.LANDED if outcome.landed else ImportRecord.REFUSED,
        changes={
            "counts": asdict(outcome.counts),
            "partitions_written": [asdict(key) for key in outcome.partitions_written],
        },
        report=outcome.summary() + "\n" + outcome.report.text(),
        started=started,
    )
