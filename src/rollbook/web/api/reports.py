"""The JSON API, version 1: every report as the pages show it, a path each, described by an OpenAPI schema.

Signed-in users reach it with their session, as the pages do, and see only their own schools. Each report's
path, query parameters and response body come from the report registry: the query is read and checked by
the report's own question (the same as the page's and the CLI's), and the body is the report's typed data.
"""

from __future__ import annotations

from collections.abc import Callable

from ninja import NinjaAPI, Schema, Status
from ninja.security import django_auth

from rollbook.analytics import reports
from rollbook.analytics.reports import InvalidRequest, Report
from rollbook.web.accounts.models import visible_schools
from rollbook.web.api.exchange import router as exchange_router
from rollbook.web.front import reporting

api = NinjaAPI(
    title="Rollbook API",
    version="1",
    description="Attendance and KS4 results measured to the DfE's definitions, beside published comparators.",
    auth=django_auth,
    urls_namespace="api-v1",
)

api.add_router("/exchange", exchange_router)


class Problem(Schema):
    """Why there is no answer: a value the report cannot take, no access, or nothing held."""

    detail: str


def query_parameters(report: Report) -> list[dict]:
    """The report's question as OpenAPI query parameters, from the same model that reads it."""
    schema = report.query.model_json_schema()
    required = set(schema.get("required", ()))
    return [
        {
            "in": "query",
            "name": name,
            "required": name in required,
            "description": field.get("description", ""),
            "schema": {key: value for key, value in field.items() if key not in ("title", "description")},
            **({"style": "form", "explode": True} if field.get("type") == "array" else {}),
        }
        for name, field in schema["properties"].items()
    ]


#: What each domain's reports cover when the question does not say.
PERIODS = {
    "attendance": "Without dates or a term, the academic year to date, or all of an earlier academic_year.",
    "ks4": "Without an academic year, the latest year the school holds results for.",
    "subjects": "Without an academic year, the latest year the school holds results for.",
    "insight": "Without an academic year, the latest year the school holds results for.",
}


def _serve(report: Report) -> Callable:
    def answer(request, urn: int):
        school = visible_schools(request.user).filter(urn=urn).first()
        if school is None:
            return Status(404, {"detail": "no such school"})
        try:
            return reporting.answer(request, school, report, request.GET, "api").data
        except reporting.NeedsPupilLevel as problem:
            return Status(403, {"detail": str(problem)})
        except InvalidRequest as problem:
            return Status(400, {"detail": str(problem)})
        except LookupError as problem:
            return Status(404, {"detail": str(problem)})

    answer.__name__ = f"{report.domain}_{report.name.replace('-', '_')}"
    answer.__doc__ = (
        f"{report.heading}: the report's data, exactly as the page and `rollbook report {report.domain} "
        f"{report.name} --format json` give it. {PERIODS[report.domain]} Rates are unrounded percentages."
        + (
            " Names pupils: needs pupil-level access, and every read is recorded."
            if report.pupil_level
            else ""
        )
    )
    return answer


for _report in (report for domain in reports.DOMAINS for report in reports.of(domain)):
    api.get(
        f"/schools/{{urn}}/{_report.domain}/{_report.name}",
        response={200: _report.data_type, 400: Problem, 403: Problem, 404: Problem},
        summary=_report.heading,
        tags=[_report.domain],
        openapi_extra={"parameters": query_parameters(_report)},
    )(_serve(_report))
