"""Import reports kept as text before problems were kept as JSON are read, once, by a data migration: the
summary line, and each problem's file, line or element, UPN, date and message; a line whose place cannot be
told from its message is kept whole as the message, and nothing is lost."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("imports", "0004_import_problems_kept_as_json")]
AFTER = [("imports", "0006_old_import_reports_removed")]
UPN = "P823400124001"
SESSIONS = "Pupil[3]/Attendance/YearData[1]/AttendSessions[1]/AttendanceMarks"
TWO_SCHOOLS = "the CTFs come from different schools (a.xml: LEA 823, Estab 4001); import each separately"
REPORT = f"""School 100001 (Alder School): refused with 3 problem(s); nothing was changed.
Refused (25):
  - marks.csv, line 2, UPN {UPN}, 16/09/2024: code '9' is not in the 2024 code set
  - alder.xml, {SESSIONS}, session 45, UPN {UPN}: code 'Q'
  - {TWO_SCHOOLS}
  - and 22 more: unknown code
Notes (1):
  - pupils.csv: extra column(s) not imported: shoe_size"""


def migrated(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_an_old_report_becomes_its_summary_and_problems():
    try:
        old = migrated(BEFORE).get_model("imports", "ImportRecord")
        for outcome, report in (("refused", REPORT), ("landed", "Undid import 1.")):
            old.objects.create(actor="dora", outcome=outcome, report=report, started=dt.datetime.now(dt.UTC))
        refused, undo = migrated(AFTER).get_model("imports", "ImportRecord").objects.order_by("pk")
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert refused.summary == "School 100001 (Alder School): refused with 3 problem(s); nothing was changed."
    blank = {"kind": "", "file": None, "line": None, "element": None, "upn": None, "date": None}
    assert refused.problems == {
        "refusals": {
            "listed": [
                {**blank, "file": "marks.csv", "line": 2, "upn": UPN, "date": "16/09/2024",
                 "message": "code '9' is not in the 2024 code set"},
                {**blank, "file": "alder.xml", "element": f"{SESSIONS}, session 45", "upn": UPN,
                 "message": "code 'Q'"},
                {**blank, "message": TWO_SCHOOLS},
            ],
            "more": {"unknown code": 22},
        },
        "notes": {
            "listed": [{**blank, "file": "pupils.csv", "message": "extra column(s) not imported: shoe_size"}],
            "more": {},
        },
    }  # fmt: skip
    assert (undo.summary, undo.problems) == ("Undid import 1.", {})
