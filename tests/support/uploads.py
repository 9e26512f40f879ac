"""Alder School's MIS exports for the import page's tests, and uploading them as its data manager.

Alder (URN 100001, LA 823, Estab 4001) starts, in the base test world, with two pupils of its own and their
week of registers from Monday 09/09/2024. `land_baseline` adds P1 and P2, present every session that week,
as the operator's command-line import would; the AMENDMENT then changes them as the tests count by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from rollbook.lake import Lake
from rollbook.rules import upn as upns
from rollbook.web.imports.service import run_import

URN = 100001
PAGE = f"/schools/{URN}/imports/"
P1, P2, P3 = (upns.make(823, 4001, 24, serial) for serial in (1, 2, 3))
PUPIL_COLUMNS = (
    "upn,forename,surname,dob,sex,nc_year,reg_group,fsm6,sen,eal,ethnicity,admission_date,leaving_date"
)
WEEK_OF_9TH = [f"2024-09-{day:02d}" for day in range(9, 14)]


def pupils_csv(*upns_and_groups: tuple[str, str]) -> bytes:
    rows = [f"{upn},Pat,Lee,2012-03-01,F,8,{group},N,N,N,WBRI,2023-09-01," for upn, group in upns_and_groups]
    return "\n".join([PUPIL_COLUMNS, *rows, ""]).encode()


def marks_csv(*marks: tuple[str, str, str, str]) -> bytes:
    return "\n".join(["upn,date,session,code", *(",".join(mark) for mark in marks), ""]).encode()


def present_all_week(upn: str) -> list[tuple[str, str, str, str]]:
    return [(upn, day, session, code) for day in WEEK_OF_9TH for session, code in (("AM", "/"), ("PM", "\\"))]


BASELINE = {
    "pupils.csv": pupils_csv((P1, "8A"), (P2, "8A")),
    "marks.csv": marks_csv(*present_all_week(P1), *present_all_week(P2)),
}
#: P1 moves to 8B (updated), P2 is sent as it is (unchanged), P3 joins (added). P1's marks from Thursday
#: 12/09 to Monday 16/09: ill on Thursday (2 changed), Friday not sent (2 removed), Monday morning present
#: (1 added); P3 present all Monday (2 added). Week of 09/09: 2 changed, 2 removed; of 16/09: 3 added.
AMENDMENT = {
    "pupils.csv": pupils_csv((P1, "8B"), (P2, "8A"), (P3, "8A")),
    "marks.csv": marks_csv(
        (P1, "2024-09-12", "AM", "I"),
        (P1, "2024-09-12", "PM", "I"),
        (P1, "2024-09-16", "AM", "/"),
        (P3, "2024-09-16", "AM", "/"),
        (P3, "2024-09-16", "PM", "\\"),
    ),
}


def land_baseline(folder: Path, files: dict[str, bytes] = BASELINE) -> None:
    """Import `files` for Alder as the operator would, from a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    (outcome,) = run_import([folder / name for name in files], actor="cli:operator", school=URN)
    assert outcome.landed, outcome.report.text()


def upload(client: Client, files: dict[str, bytes], urn: int = URN):
    """Post `files` to the school's import page, as one upload."""
    chosen = [SimpleUploadedFile(name, content) for name, content in files.items()]
    return client.post(f"/schools/{urn}/imports/", {"files": chosen})


def lake_data(lake: Lake) -> dict[str, bytes]:
    """The school data the lake holds, as each partition's bytes (kept versions and locks left out)."""
    return {
        str(path.relative_to(lake.root)): path.read_bytes()
        for path in sorted(lake.root.rglob("data.parquet"))
        if "_versions" not in path.parts
    }


def confirm(client: Client, files: dict[str, bytes]):
    """Upload `files` and confirm them; the response to the confirmation."""
    address = upload(client, files)["Location"]
    return client.post(f"{address}confirm/")


def table_rows(page: str, after: str) -> list[list[str]]:
    """The body rows of the first table after the text `after`, each as its cells' text."""
    table = page.split(after, 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.DOTALL)
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)
        ]
        for row in rows
    ]
