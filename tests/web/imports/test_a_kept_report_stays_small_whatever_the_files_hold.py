"""However much a file holds, what Rollbook keeps and shows of it stays small: an upload whose school name
is a million characters is refused, and its record and pages hold none of it; the CLI says so and stops;
a sync with thousands of problems is kept with the first 500 listed and the rest counted."""

from __future__ import annotations

import json

from django.utils import timezone
from typer.testing import CliRunner

from rollbook.cli import REFUSED, app
from rollbook.ingest.exchange import push
from rollbook.ingest.problems import MAX_KEPT_PER_LIST
from rollbook.web.imports.models import ImportRecord
from rollbook.web.imports.service import record_import
from tests.support.syncs import FRIDAY, MONDAY, TODAY, URN, payload
from tests.support.uploads import PAGE, upload

HUGE = "x" * 1_000_000
CTF = f"""<?xml version="1.0" encoding="UTF-8"?>
<CTfile><Header><SourceSchool><LEA>823</LEA><Estab>4001</Estab><URN>100001</URN>
<SchoolName>{HUGE}</SchoolName><AcademicYear>2024/25</AcademicYear></SourceSchool></Header>
<CTFpupilData></CTFpupilData></CTfile>
"""


def kept_size(record: ImportRecord) -> int:
    return len(record.summary) + len(json.dumps(record.problems)) + len(json.dumps(record.files))


def test_an_upload_with_a_huge_school_name_is_refused_and_kept_small(world):
    dora = world.client_for(world.dora)

    page = upload(dora, {"alder.xml": CTF.encode()}, urn=URN)
    shown = dora.get(page["Location"], follow=True)

    (record,) = ImportRecord.objects.all()
    assert record.outcome == ImportRecord.REFUSED and kept_size(record) < 2_000
    assert "more than the 200 a field may hold" in shown.content.decode()
    assert len(shown.content) < 50_000 and len(dora.get(PAGE).content) < 50_000


def test_the_command_line_refuses_it_without_a_traceback(world, tmp_path):
    (tmp_path / "alder.xml").write_text(CTF)

    result = CliRunner().invoke(app, ["import", str(tmp_path / "alder.xml")])

    assert result.exit_code == REFUSED and isinstance(result.exception, SystemExit)  # no traceback
    assert "SchoolName is 1,000,000 characters long" in result.output
    assert kept_size(ImportRecord.objects.get()) < 2_000


def test_a_sync_with_thousands_of_problems_keeps_the_first_500(world):
    sync = payload(MONDAY, FRIDAY, {})
    sync["marks"] = [{"upn": "nobody", "date": "2025-01-06", "session": "AM", "code": "/"}] * 2_000
    outcome, _ = push(sync, world.lake, URN, today=TODAY)

    record = record_import(
        outcome, actor="api", user=None, source=ImportRecord.Source.API, started=timezone.now()
    )

    refusals = record.problems["refusals"]
    assert len(outcome.report.refusals.listed) == 2_000  # the API's answer lists every one
    assert (len(refusals["listed"]), refusals["more"]) == (MAX_KEPT_PER_LIST, {"malformed UPN": 1_500})
