"""A school's staff list, as its MIS exports it to CSV, read into staff members to offer as new users.

Headers are matched leniently (any case, spaces, underscores or hyphens) against the names SIMS, Arbor and
Bromcom use; other columns are ignored. A file is read whole or refused whole, with every bad line named, so
nobody is offered half a staff list. See docs/staff-import.md."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

#: Each field we read, and the headers that mean it once normalised (lower case, single spaces).
COLUMNS = {
    "forename": ("forename", "first name", "legal forename", "preferred forename", "given name"),
    "surname": ("surname", "last name", "legal surname", "preferred surname", "family name"),
    "email": ("email", "email address", "work email", "work email address", "school email"),
    "staff_code": ("staff code", "staff id", "code", "initials"),
    "post": ("role", "post", "role post", "job title", "staff role", "staff type"),
}
REQUIRED = ("forename", "surname")
MAX_BYTES = 1_000_000
MAX_STAFF = 2_000
#: Enough problems to fix at once; more would bury the first.
MAX_PROBLEMS = 20


class StaffFileError(ValueError):
    """The file cannot be read as a staff list; `problems` name each line and what is wrong with it."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class StaffMember:
    line: int
    forename: str
    surname: str
    email: str = ""
    staff_code: str = ""
    post: str = ""

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def is_teacher(self) -> bool:
        """Whether the MIS calls them a teacher: Teacher, Class Teacher, Headteacher, but not Teaching
        Assistant."""
        return "teacher" in self.post.lower()


def normalise_header(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def read_staff(data: bytes) -> list[StaffMember]:
    """Every staff member in a CSV staff list, or StaffFileError naming what is wrong and where."""
    if len(data) > MAX_BYTES:
        raise StaffFileError([f"The file is larger than {MAX_BYTES // 1_000_000} MB: is it a staff list?"])
    if b"\0" in data:
        raise StaffFileError(
            ["This is not a CSV file. Save the staff list from your MIS as CSV and try again."]
        )
    rows = csv.reader(io.StringIO(_decode(data), newline=""))
    header = next(rows, None)
    if header is None:
        raise StaffFileError(["The file is empty."])
    fields = _fields(header)
    staff, problems = [], []
    for values in rows:
        if not any(value.strip() for value in values):
            continue
        try:
            staff.append(_member(rows.line_num, values, fields, len(header)))
        except ValueError as problem:
            problems.append(str(problem))
        if len(problems) >= MAX_PROBLEMS:
            problems.append(f"Stopped after the first {MAX_PROBLEMS} problems.")
            break
    if problems:
        raise StaffFileError(problems)
    if not staff:
        raise StaffFileError(["The file has a header line but no staff."])
    if len(staff) > MAX_STAFF:
        raise StaffFileError([f"The file lists {len(staff)} staff; import at most {MAX_STAFF} at a time."])
    return staff


def _decode(data: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252, which Excel writes by default."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _fields(header: list[str]) -> dict[str, int]:
    """Which column holds each field we read; line 1 is refused if a required one is missing."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        normalised = normalise_header(name)
        for field, names in COLUMNS.items():
            if normalised in names and field not in found:
                found[field] = index
    missing = [field for field in REQUIRED if field not in found]
    if missing:
        wanted = " and ".join(COLUMNS[field][0].capitalize() for field in missing)
        seen = ", ".join(name.strip() for name in header if name.strip()) or "nothing"
        raise StaffFileError([f"Line 1: the header needs a {wanted} column; it has {seen}."])
    return found


def _member(line: int, values: list[str], fields: dict[str, int], width: int) -> StaffMember:
    if len(values) > width:
        raise ValueError(f"Line {line}: {len(values)} values but the header names {width} columns.")
    cell = {field: values[index].strip() if index < len(values) else "" for field, index in fields.items()}
    for field in REQUIRED:
        if not cell[field]:
            raise ValueError(f"Line {line}: the {COLUMNS[field][0]} is blank.")
    email = cell.get("email", "").lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValueError(f"Line {line}: {email!r} is not an email address.") from None
    return StaffMember(
        line, cell["forename"], cell["surname"], email, cell.get("staff_code", ""), cell.get("post", "")
    )
