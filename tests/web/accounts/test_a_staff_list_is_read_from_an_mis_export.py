"""read_staff takes the staff list as SIMS, Arbor or Excel write it, and refuses a bad one whole, naming each
bad line."""

from __future__ import annotations

import pytest

from rollbook.web.accounts.staff import StaffFileError, StaffMember, read_staff


def test_headers_are_matched_whatever_their_case_and_spacing():
    data = (
        b"LEGAL_FORENAME, Legal Surname ,Work Email,STAFF-CODE,Job title,Title\n"
        b"Claire,Jones,CJones@A.sch.uk,CJO,Teacher,Ms\n"
    )
    assert read_staff(data) == [StaffMember(2, "Claire", "Jones", "cjones@a.sch.uk", "CJO", "Teacher")]


def test_excel_files_are_read_with_or_without_a_byte_order_mark():
    assert read_staff("\ufeffForename,Surname\nZoë,Brontë\n".encode())[0].name == "Zoë Brontë"
    assert read_staff("Forename,Surname\nZoë,Brontë\n".encode("cp1252"))[0].name == "Zoë Brontë"


def test_blank_lines_are_skipped_and_lines_are_counted_as_in_the_file():
    staff = read_staff(b"Forename,Surname\n\nClaire,Jones\n,\nGeorge,Alexander\n")
    assert [(member.line, member.name) for member in staff] == [(3, "Claire Jones"), (5, "George Alexander")]


@pytest.mark.parametrize(
    ("post", "teacher"),
    [
        ("Teacher", True),
        ("Class Teacher", True),
        ("Headteacher", True),
        ("Teaching Assistant", False),
        ("", False),
    ],
)
def test_teachers_are_those_the_mis_calls_teachers(post, teacher):
    assert StaffMember(2, "A", "B", post=post).is_teacher is teacher


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        (b"", ["The file is empty."]),
        (b"Forename,Surname\n", ["The file has a header line but no staff."]),
        (
            b"PK\x03\x04\x00\x00",
            ["This is not a CSV file. Save the staff list from your MIS as CSV and try again."],
        ),
        (
            b"Forename,Surname,Email\nClaire,Jones,not-an-email\n,Alexander,\nA,B,c@d.uk,extra\n",
            [
                "Line 2: 'not-an-email' is not an email address.",
                "Line 3: the forename is blank.",
                "Line 4: 4 values but the header names 3 columns.",
            ],
        ),
    ],
)
def test_a_bad_file_is_refused_with_every_problem_named(data, problems):
    with pytest.raises(StaffFileError) as refused:
        read_staff(data)
    assert refused.value.problems == problems
