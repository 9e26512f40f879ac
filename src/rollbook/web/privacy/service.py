"""Subject access and erasure as both the operator's pages and the CLI run them, each one recorded.

An erasure's record is written before anything is removed and finished after, updated as each school's
rows go, so an erasure that dies part-way still leaves a record of what it did.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from rollbook.analytics import subject_access
from rollbook.lake import Lake, PartitionKey
from rollbook.web.audit.models import record_access, record_operator_access
from rollbook.web.privacy import redaction
from rollbook.web.privacy.models import ErasureRecord, SubjectAccessRecord
from rollbook.web.privacy.pseudonym import upn_hash
from rollbook.web.schools.models import School


@dataclass(frozen=True)
class Operator:
    """Who acts: a signed-in superuser, with the request they made, or the operator's CLI account."""

    actor: str
    user: AbstractBaseUser | None = None
    request: HttpRequest | None = None

    @classmethod
    def of(cls, request: HttpRequest) -> Operator:
        return cls(request.user.get_username(), request.user, request)

    @classmethod
    def cli(cls) -> Operator:
        return cls(f"cli:{getpass.getuser()}")

    def record_read(self, urn: int, what: str) -> None:
        if self.request is None:
            record_operator_access(self.actor, urn, what)
        else:
            record_access(self.request, School.objects.filter(urn=urn).first(), what)


def export_pupil(upn: str, by: Operator) -> tuple[bytes, SubjectAccessRecord]:
    """The subject access ZIP for pupil `upn`, with its reads recorded for every school that held them."""
    tables = subject_access.gather(Lake.configured(), upn)
    counts = subject_access.held(tables)
    archive = subject_access.export_zip(upn, tables, timezone.now())
    with transaction.atomic():
        for school in sorted({key.school for key in counts}):
            by.record_read(school, f"subject access export {upn} (zip)")
        record = SubjectAccessRecord.objects.create(
            user=by.user, actor=by.actor, upn_hash=upn_hash(upn), counts=subject_access.summary(counts)
        )
    return archive, record


def pupil_erasure_plan(upn: str) -> dict[str, object]:
    """What erasing pupil `upn` would remove, in the shape of the erasure record's `removed`."""
    return {
        **subject_access.summary(_held(Lake.configured(), upn)),
        "import_reports": len(redaction.pupil_reports(upn)),
        "access_records": redaction.pupil_accesses(upn).count(),
    }


def school_erasure_plan(urn: int) -> dict[str, object]:
    """What erasing school `urn` would remove, in the shape of the erasure record's `removed`."""
    return {
        **subject_access.summary(Lake.configured().school_rows(urn)),
        "import_reports": redaction.school_reports(urn).count(),
        "access_records": redaction.school_accesses(urn).count(),
    }


def erase_pupil(upn: str, reason: str, by: Operator) -> ErasureRecord:
    """Remove pupil `upn` from every school and year in the lake (each school's rows all or none), then
    from import reports and the access log."""
    lake = Lake.configured()
    record = ErasureRecord.objects.create(
        kind=ErasureRecord.PUPIL, user=by.user, actor=by.actor, upn_hash=upn_hash(upn), reason=reason
    )
    removed: dict[PartitionKey, int] = {}
    for school in sorted({key.school for key in _held(lake, upn)} | set(lake.schools_keeping(upn))):
        removed |= lake.erase_pupil(upn, school)
        record.removed = subject_access.summary(removed)
        record.save(update_fields=["removed"])
    return _finish(record, removed, lambda: redaction.clear_pupil(upn))


def erase_school(urn: int, reason: str, by: Operator) -> ErasureRecord:
    """Remove every partition of school `urn`, all or none, then blank its import reports and clear
    pupils' UPNs from its access log. The school itself, its staff and term dates stay."""
    record = ErasureRecord.objects.create(
        kind=ErasureRecord.SCHOOL, user=by.user, actor=by.actor, urn=urn, reason=reason
    )
    return _finish(record, Lake.configured().erase_school(urn), lambda: redaction.clear_school(urn))


#: Each kind of erasure: what it would remove, and the erasure itself.
ERASURES = {"pupil": (pupil_erasure_plan, erase_pupil), "school": (school_erasure_plan, erase_school)}


def _finish(
    record: ErasureRecord, removed: Mapping[PartitionKey, int], clear: Callable[[], dict[str, int]]
) -> ErasureRecord:
    with transaction.atomic():
        record.removed = {**subject_access.summary(removed), **clear()}
        record.finished = timezone.now()
        record.save()
    caches["reports"].clear()  # no remembered report may keep an erased pupil's figures
    return record


def _held(lake: Lake, upn: str) -> dict[PartitionKey, int]:
    return subject_access.held(subject_access.gather(lake, upn))
