"""What the KS4 reports share: their domain, where their templates are, and the national figures they
are set beside."""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

from rollbook.analytics.reports.base import Report
from rollbook.analytics.reports.ks4.request import Asked, Ks4Query, prepare
from rollbook.analytics.results.figures import MEASURE_NAMES
from rollbook.rules.calendar import academic_year_label

DOMAIN = "ks4"
TEMPLATES = "results"


class Ks4NationalInfo(TypedDict):
    """Which national figures a school is set beside: its own year's, or (provisional) the latest earlier
    year's while its own year has none published."""

    academic_year: int
    label: str
    schools: int
    provisional: bool
    published: str
    #: Where the national measures come from, and the estimates Progress 8 is measured against.
    source: str
    estimates: str | None


def national_info(asked: Asked, academic_year: int) -> Ks4NationalInfo | None:
    found = asked.published(academic_year)
    if found is None:
        return None
    national = found.national
    return Ks4NationalInfo(
        academic_year=national.academic_year,
        label=academic_year_label(national.academic_year),
        schools=national.schools,
        provisional=found.provisional,
        published=national.published.date().isoformat(),
        source=national.source,
        estimates=national.estimates.source if national.estimates else None,
    )


def title(asked: Asked, heading: str) -> str:
    return f"{heading}, {asked.label} – URN {asked.school}"


def report(name: str, heading: str, domain: str = DOMAIN, **declared: Any) -> Report:
    """A report on a year's KS4 results (the KS4 reports, and the curriculum and insight reports built on
    them): every one takes the same question, made ready the same way, and is titled by its heading, the
    year and the school."""
    return Report(
        domain=domain,
        templates=TEMPLATES,
        name=name,
        heading=heading,
        query=Ks4Query,
        prepare=prepare,
        title=lambda asked, data: title(asked, heading),
        **declared,
    )


def measure_rows(measures: dict, national: dict | None, prefix: str = "") -> dict[str, object]:
    """A download's columns for one set of measures, each beside national, headed in words."""
    row: dict[str, object] = {}
    for key, words in MEASURE_NAMES.items():
        row[f"{prefix}{words}"] = measures.get(key)
        if national is not None and key != "pupils" and not key.startswith("progress8_ci"):
            row[f"{prefix}{words}, national"] = national.get(key)
    return row
