"""`rollbook synth` output imports cleanly, and the lake then holds exactly the marks its CTF strings say.

The CTFs are read again here with lxml and a regular expression, independently of the importer.
"""

import datetime as dt
import re

from lxml import etree

from rollbook.ingest import Kind, import_paths
from rollbook.synth import write_schools
from tests.support.mis_exports import marks_in, pupils_in

YEAR = 2024
AS_OF = dt.date(2024, 10, 4)  # five weeks of marks keep the test quick
TOKEN = re.compile(r"[A-Za-z][0-9]|.")


def marks_in_ctf(path):
    """(UPN, date, session, code) for every session in the CTF that is not `#`."""
    marks = []
    for pupil in etree.parse(str(path)).iter("Pupil"):
        upn = pupil.findtext("UPN")
        for run in pupil.iter("AttendSessions"):
            start = dt.date.fromisoformat(run.findtext("AttendanceStartDate"))
            for n, code in enumerate(TOKEN.findall(run.findtext("AttendanceMarks"))):
                if code != "#":
                    marks.append((upn, start + dt.timedelta(days=n // 2), ("AM", "PM")[n % 2], code.upper()))
    return sorted(marks)


def test_two_synthetic_schools_land_mark_for_mark(tmp_path, lake):
    schools = write_schools(tmp_path / "synth", 2, seed=7, academic_year=YEAR, as_of=AS_OF, workers=1)

    outcomes = import_paths([tmp_path / "synth"], lake, today=AS_OF)

    assert [outcome.urn for outcome in outcomes] == [school.urn for school in schools]
    for school, outcome in zip(schools, outcomes, strict=True):
        assert outcome.landed, outcome.report.text()
        assert Kind.SENDER_TOTALS not in {warning.kind for warning in outcome.report.warnings.listed}
        (ctf,) = (tmp_path / "synth" / str(school.urn)).glob("*.xml")
        expected = marks_in_ctf(ctf)
        assert len(expected) > 1000
        assert marks_in(lake, YEAR, school.urn) == expected
        assert len(pupils_in(lake, YEAR, school.urn)) == school.pupils
        assert all(row["reg_group"] for row in pupils_in(lake, YEAR, school.urn).values())
