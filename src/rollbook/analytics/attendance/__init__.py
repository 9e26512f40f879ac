"""Attendance over the lake: the DfE measures for a school and its groups, and the reports built on them."""

from rollbook.analytics.attendance.sessions import (
    data_to,
    enrolment_sessions,
    latest_academic_year,
    measures,
    reasons,
    summary,
    year_to_date_held,
)

__all__ = [
    "data_to",
    "enrolment_sessions",
    "latest_academic_year",
    "measures",
    "reasons",
    "summary",
    "year_to_date_held",
]
