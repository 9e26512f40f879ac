"""Clearing erased pupils from the text that other records keep: import reports and the access log.

An import report names each pupil it has something to say about (each problem's UPN, and sometimes the
values it refused); the access log names the pupil of each pupil report read. Erasing a pupil replaces the
report's problems about them, found by their fields, with a word that one was removed, and swaps their UPN
in the access log for a label derived from its hash; erasing a school empties its import reports (their
summaries stay: they name no pupil) and does the same to every UPN in its access log.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast

from rollbook.rules import upn as upns
from rollbook.web.audit.models import AccessRecord
from rollbook.web.imports.models import ImportRecord
from rollbook.web.privacy.pseudonym import erased_label

#: What takes the place of a problem about an erased pupil in a kept import report.
ERASED_PROBLEM = "(a problem about an erased pupil was removed)"


def pupil_reports(upn: str) -> list[ImportRecord]:
    """The import records with a problem about pupil `upn`: the database finds those whose kept report holds
    the UPN at all, then each problem's own UPN and message say which problems are about them."""
    held = ImportRecord.objects.annotate(kept=Cast("problems", TextField())).filter(kept__icontains=upn)
    return [record for record in held if any(_about(problem, upn) for problem in _listed(record.problems))]


def pupil_accesses(upn: str) -> QuerySet[AccessRecord]:
    return AccessRecord.objects.filter(Q(what__icontains=upn) | Q(path__icontains=upn))


def school_reports(urn: int) -> QuerySet[ImportRecord]:
    return ImportRecord.objects.filter(school__urn=urn).exclude(problems={})


def school_accesses(urn: int) -> QuerySet[AccessRecord]:
    return AccessRecord.objects.filter(school__urn=urn).filter(
        Q(what__iregex=upns.SHAPE) | Q(path__iregex=upns.SHAPE)
    )


def clear_pupil(upn: str) -> dict[str, int]:
    """Remove pupil `upn` from import reports and the access log; returns how many records changed."""
    named = re.compile(re.escape(upn), re.IGNORECASE)
    reports = pupil_reports(upn)
    for record in reports:
        for section in record.problems.values():
            listed = section.get("listed", [])
            listed[:] = [_erased(p) if _about(p, upn) else p for p in listed]
    ImportRecord.objects.bulk_update(reports, ["problems"])
    return {
        "import_reports": len(reports),
        "access_records": _relabel(pupil_accesses(upn), named),
    }


def clear_school(urn: int) -> dict[str, int]:
    """Blank school `urn`'s import reports and relabel every UPN in its access log."""
    return {
        "import_reports": school_reports(urn).update(problems={}),
        "access_records": _relabel(school_accesses(urn), upns.IN_TEXT),
    }


def _listed(problems: Mapping[str, Mapping]) -> Iterator[Mapping[str, object]]:
    return (problem for section in problems.values() for problem in section.get("listed", []))


def _erased(problem: Mapping[str, object]) -> dict[str, object]:
    return {"kind": problem["kind"], "message": ERASED_PROBLEM}


def _about(problem: Mapping[str, object], upn: str) -> bool:
    """Whether a kept problem names pupil `upn` (held in capitals), as its UPN or in its message."""
    return problem.get("upn") == upn or upn in str(problem.get("message", "")).upper()


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
