"""Clearing erased pupils from the text that other records keep: import reports and the access log.

An import report names each pupil it has something to say about (UPN, and sometimes the values it
refused); the access log names the pupil of each pupil report read. Erasing a pupil removes the report
lines naming them and swaps their UPN in the access log for a label derived from its hash; erasing a school
blanks its import reports and does the same to every UPN in its access log.
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from rollbook.rules import upn as upns
from rollbook.web.audit.models import AccessRecord
from rollbook.web.imports.models import ImportRecord
from rollbook.web.privacy.pseudonym import erased_label

REMOVED_LINE = "  - (a line about an erased pupil was removed)"


def pupil_reports(upn: str) -> QuerySet[ImportRecord]:
    return ImportRecord.objects.filter(report__icontains=upn)


def pupil_accesses(upn: str) -> QuerySet[AccessRecord]:
    return AccessRecord.objects.filter(Q(what__icontains=upn) | Q(path__icontains=upn))


def school_reports(urn: int) -> QuerySet[ImportRecord]:
    return ImportRecord.objects.filter(school__urn=urn).exclude(report="")


def school_accesses(urn: int) -> QuerySet[AccessRecord]:
    return AccessRecord.objects.filter(school__urn=urn).filter(
        Q(what__iregex=upns.SHAPE) | Q(path__iregex=upns.SHAPE)
    )


def clear_pupil(upn: str) -> dict[str, int]:
    """Remove pupil `upn` from import reports and the access log; returns how many records changed."""
    named = re.compile(re.escape(upn), re.IGNORECASE)
    reports = list(pupil_reports(upn))
    for record in reports:
        lines = record.report.splitlines()
        record.report = "\n".join(REMOVED_LINE if named.search(line) else line for line in lines)
    ImportRecord.objects.bulk_update(reports, ["report"])
    return {
        "import_reports": len(reports),
        "access_records": _relabel(pupil_accesses(upn), named),
    }


def clear_school(urn: int) -> dict[str, int]:
    """Blank school `urn`'s import reports and relabel every UPN in its access log."""
    return {
        "import_reports": school_reports(urn).update(report=""),
        "access_records": _relabel(school_accesses(urn), upns.IN_TEXT),
    }


def _relabel(records: QuerySet[AccessRecord], pattern: re.Pattern) -> int:
    """Swap each UPN that `pattern` finds in the records for its erased label; returns how many changed."""

    def label(match: re.Match) -> str:
        return erased_label(match.group().upper())

    changed = []
    for record in records:
        what, path = pattern.sub(label, record.what), pattern.sub(label, record.path)
        if (what, path) != (record.what, record.path):
            record.what, record.path = what[:200], path[:500]
            changed.append(record)
    AccessRecord.objects.bulk_update(changed, ["what", "path"])
    return len(changed)
