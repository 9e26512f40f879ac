"""pupils.csv names no academic year: it joins the latest year the school's data holds, or the year given,
and with neither it is refused, asking for the year. The machine's clock never chooses one, nor a CTF
header's missing AcademicYear."""

from __future__ import annotations

import datetime as dt

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
    BEN,
    URN,
    csv_text,
    ctf_pupil,
    import_one,
    pupils_in,
    the_refusal,
    write,
    write_ctf,
)

LATER = dt.date(2026, 11, 30)  # a day whose academic year the school has no data for
PUPILS = csv_text("upn,forename,surname,dob,sex", f"{BEN},Ben,Lee,2015-06-01,M")


def test_it_joins_the_schools_latest_year(lake, tmp_path):
    assert import_one(lake, write_ctf(tmp_path, ctf_pupil(ANN), year="2023/24")).landed

    outcome = import_one(lake, write(tmp_path, "pupils.csv", PUPILS), school=URN, today=LATER)

    assert outcome.landed and [key.academic_year for key in outcome.partitions_written] == [2023]
    assert set(pupils_in(lake, 2023)) == {ANN, BEN} and not pupils_in(lake, 2026)


def test_it_takes_the_year_given(lake, tmp_path):
    outcome = import_one(lake, write(tmp_path, "pupils.csv", PUPILS), school=URN, academic_year=2025)

    assert outcome.landed and set(pupils_in(lake, 2025)) == {BEN}


def test_with_no_year_to_join_it_is_refused_asking_for_one(lake, tmp_path):
    problem = the_refusal(import_one(lake, write(tmp_path, "pupils.csv", PUPILS), school=URN, today=LATER))

    assert problem.kind is Kind.YEAR
    assert problem.message == (
        "these files do not say which academic year they are for, and the school has no data yet for them "
        "to join; give the academic year (such as 2024 for 2024/25)"
    )


def test_a_ctf_header_without_its_year_is_refused_asking_for_one(lake, tmp_path):
    path = write_ctf(tmp_path, ctf_pupil(ANN, extra="<FSMhistory></FSMhistory>"))
    path.write_text(path.read_text().replace("<AcademicYear>2024/25</AcademicYear>", ""))

    outcome = import_one(lake, path, today=LATER)

    assert not outcome.landed and outcome.report.kinds() == {Kind.YEAR}
    assert outcome.report.refusals.listed[0].element == "Header/SourceSchool"
