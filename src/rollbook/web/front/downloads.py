"""A report's answer as a file to download: CSV, or Excel with the report's title."""

from __future__ import annotations

from django.http import HttpResponse

from rollbook import output
from rollbook.analytics.reports import Result

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(report: Result, kind: str, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8" if kind == "csv" else XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if kind == "csv":
        output.write_csv(report.rows, response)
    else:
        output.write_xlsx(report.rows, response, title=report.title)
    return response
