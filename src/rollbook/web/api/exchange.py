"""The sync API: a school's MIS connector sends pupils and session marks, and reads what Rollbook holds.

It authenticates with an API token for that school (`Authorization: Bearer rbx_…`), made on the school's
API tokens page. A token reaches its own school only: any other URN is not found. Requests are limited in
size (ROLLBOOK_EXCHANGE_MAX_BYTES) and in number per token (ROLLBOOK_EXCHANGE_RATE). docs/exchange.md
describes the payload and what a sync replaces.
"""

from __future__ import annotations

import datetime as dt
import zlib

from django.conf import settings
from django.http import JsonResponse
from django_ratelimit.core import get_usage
from ninja import Field, Router, Schema, Status
from ninja.security import HttpBearer

from rollbook.analytics.attendance.sessions import data_to, latest_academic_year
from rollbook.ingest.problems import Problem
from rollbook.ingest.sync_payload import json_schema
from rollbook.lake import Lake, PartitionKey
from rollbook.rules.calendar import academic_year_label
from rollbook.web.exchange.models import ExchangeToken
from rollbook.web.exchange.sync import run_sync
from rollbook.web.imports.models import ImportRecord

#: A gzip-compressed body may expand to this many times the size limit, and no more.
EXPANSION = 20
_GZIP = 16 + zlib.MAX_WBITS


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str) -> ExchangeToken | None:
        found = ExchangeToken.find(token)
        if found is not None:
            found.used()
        return found


router = Router(auth=TokenAuth(), tags=["exchange"])


class SyncDetail(Schema):
    detail: str


class SyncProblem(Schema):
    kind: str
    where: str | None = Field(None, description="the element, such as marks[12].code")
    upn: str | None = None
    date: str | None = Field(None, description="DD/MM/YYYY")
    message: str


class SyncCounts(Schema):
    pupils_added: int
    pupils_updated: int
    pupils_unchanged: int
    pupils_removed: int
    marks_added: int
    marks_changed: int
    marks_removed: int


class SyncLanded(Schema):
    landed: bool
    no_change: bool = Field(description="true when the lake already held exactly this")
    school: int
    scope: str
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")
    counts: SyncCounts
    summary: str
    notes: list[SyncProblem]


class SyncRefused(Schema):
    detail: str
    problems: list[SyncProblem] = Field(description="every problem found, each placed by its element")


class LastSync(Schema):
    at: dt.datetime
    landed: bool
    summary: str


class SyncStatus(Schema):
    school: int
    name: str
    academic_year: str | None = Field(description="the latest year held, such as 2024/25")
    pupils: int = Field(description="pupils held for that year")
    latest_date: dt.date | None = Field(description="the date of the latest mark held")
    last_sync: LastSync | None


NOT_FOUND = {"detail": "no such school for this token"}
ERRORS = {401: SyncDetail, 404: SyncDetail, 429: SyncDetail}


@router.post(
    "/schools/{urn}/attendance",
    response={200: SyncLanded, 400: SyncRefused, 413: SyncDetail, **ERRORS},
    url_name="exchange_push",
    summary="Send pupils and session marks",
    by_alias=True,
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": json_schema()}}}
    },
)
def push(request, urn: int):
    """Replace the marks of the pupils sent between `from` and `to` (every date, both included) with the
    marks sent, and add or update the pupils sent; or, with `"scope": "year"`, replace the school's whole
    `academic_year`. Sending the same payload twice changes nothing the second time (`no_change`). A
    payload with any problem changes nothing; the answer lists every problem. The body may be
    gzip-compressed (`Content-Encoding: gzip`)."""
    token = request.auth
    if limited := _rate_limited(request):
        return limited
    if token.school.urn != urn:
        return Status(404, NOT_FOUND)
    body = _body(request)
    if isinstance(body, JsonResponse):
        return body
    outcome, sync = run_sync(body, token, request)
    if not outcome.landed:
        problems = outcome.report.refusals.listed
        detail = f"refused with {len(problems):,} problem(s); nothing was changed"
        return Status(400, {"detail": detail, "problems": [_problem(p) for p in problems]})
    return Status(
        200,
        {
            "landed": True,
            "no_change": outcome.no_change,
            "school": urn,
            "scope": sync.scope,
            "from": sync.window.start,
            "to": sync.window.end,
            "counts": outcome.counts,
            "summary": outcome.summary(),
            "notes": [_problem(p) for p in outcome.report.notes.listed],
        },
    )


@router.get(
    "/schools/{urn}/status",
    response={200: SyncStatus, **ERRORS},
    url_name="exchange_status",
    summary="What Rollbook holds for the school",
)
def status(request, urn: int):
    """The latest academic year held, how many pupils it has, the date of the latest mark, and the last
    sync (landed or refused). Names no pupil."""
    token = request.auth
    if limited := _rate_limited(request):
        return limited
    if token.school.urn != urn:
        return Status(404, NOT_FOUND)
    lake = Lake.configured()
    year = latest_academic_year(lake, urn)
    held = {"academic_year": None, "pupils": 0, "latest_date": None}
    if year is not None:
        held = {
            "academic_year": academic_year_label(year),
            "pupils": lake.school_rows(urn).get(PartitionKey("pupils", year, urn), 0),
            "latest_date": data_to(lake, urn, year),
        }
    last = ImportRecord.objects.filter(school=token.school, source=ImportRecord.Source.API).first()
    if last is not None:
        last = {"at": last.finished, "landed": last.outcome == ImportRecord.LANDED, "summary": last.summary}
    return Status(200, {"school": urn, "name": token.school.name, **held, "last_sync": last})


def _problem(problem: Problem) -> dict[str, object]:
    """A problem as the API answers it: a payload is one document, so the element says where."""
    shown = problem.as_dict()
    return {"kind": shown["kind"], "where": problem.element, "upn": problem.upn, "date": shown["date"],
            "message": problem.message}  # fmt: skip


def _rate_limited(request) -> JsonResponse | None:
    """A 429 with Retry-After once the token has made its allowance of requests in this period."""
    usage = get_usage(
        request,
        group="exchange",
        key=lambda group, request: str(request.auth.pk),
        rate=settings.ROLLBOOK_EXCHANGE_RATE,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    wait = max(1, usage["time_left"])
    rate = settings.ROLLBOOK_EXCHANGE_RATE
    response = JsonResponse(
        {"detail": f"too many requests for this token ({rate}); retry in {wait} s"}, status=429
    )
    response["Retry-After"] = str(wait)
    return response


def _too_large(what: str) -> JsonResponse:
    limit = settings.ROLLBOOK_EXCHANGE_MAX_BYTES
    message = (
        f"{what} is larger than the limit of {limit:,} bytes (ROLLBOOK_EXCHANGE_MAX_BYTES); send a shorter "
        "range, or compress the body with gzip (Content-Encoding: gzip)"
    )
    return JsonResponse({"detail": message}, status=413)


def _body(request) -> bytes | JsonResponse:
    """The request's body, read no further than the limit; a gzip body expanded as far as it may go."""
    limit = settings.ROLLBOOK_EXCHANGE_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return _too_large("the request")
    body = request.read(limit + 1)
    if len(body) > limit:
        return _too_large("the request")
    if request.headers.get("Content-Encoding", "").strip().lower() != "gzip":
        return body
    expanding = zlib.decompressobj(_GZIP)
    try:
        expanded = expanding.decompress(body, EXPANSION * limit + 1)
    except zlib.error as error:
        message = f"the body is not gzip-compressed, as Content-Encoding says: {error}"
        problem = {"kind": "unreadable file", "message": message}
        return JsonResponse({"detail": message, "problems": [problem]}, status=400)
    if len(expanded) > EXPANSION * limit:
        return _too_large(f"the expanded body, at more than {EXPANSION} times the request,")
    return expanded
