"""Measures over the lake as Ibis expressions: DuckDB in-process by default, Apache Spark on request."""

from rollbook.analytics.attendance import (
    Filters,
    data_to,
    enrolment_sessions,
    latest_academic_year,
    measures,
    reasons,
    summary,
)

__all__ = [
    "Filters",
    "data_to",
    "enrolment_sessions",
    "latest_academic_year",
    "measures",
    "reasons",
    "summary",
]
