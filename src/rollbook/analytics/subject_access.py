"""Subject access: every row the lake holds about one pupil, from every table, school and year, as a ZIP.

The rows are found by the engine filtering on the UPN across every partition, so only that pupil's rows
are ever loaded, however large the lake. Pupil-level: callers check the operator's authority and record
the read.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.compute as pc

from rollbook import output
from rollbook.analytics import engine as engines
from rollbook.lake import TABLES, Lake, PartitionKey
from rollbook.lake.schema import SORT_KEYS
from rollbook.rules.upn import normalise, problem_with

#: What each lake table holds about a pupil, for the README; every lake table needs one.
DESCRIPTIONS = {
    "pupils": "the pupil's details as each school's management information system sent them: name, date "
    "of birth, sex, year group, registration group, free school meals in the last six years (fsm6), "
    "special educational needs (sen), English as an additional language (eal), ethnicity, and the "
    "admission and leaving dates; one row for each school and academic year",
    "marks": "every attendance mark recorded for the pupil: the date, the session (AM or PM) and the "
    "register code; one row for each session",
    "results": "the pupil's GCSE and other KS4 results, as the school's MIS sent them: the subject, the "
    "qualification, the grade, and the exam series, board and discount code where given; one row for each "
    "result",
    "prior_attainment": "the pupil's KS2 results in reading and maths (scaled scores, or fine levels for "
    "those who sat KS2 before 2016), the starting point their progress at KS4 is measured from; one row for "
    "each school and academic year",
    "baselines": "the pupil's score on another baseline their school holds (a standardised test, say), named "
    "as the school names it, the starting point Rollbook's own value added is measured from where KS2 is "
    "missing; one row for each baseline, school and academic year",
}
UK = ZoneInfo("Europe/London")


def check_upn(upn: str) -> str:
    """`upn` as held (capitals, no surrounding spaces); ValueError saying why when it is not a UPN."""
    upn = normalise(upn)
    if problem := problem_with(upn):
        raise ValueError(problem)
    return upn


def gather(lake: Lake, upn: str, engine: str | None = None) -> dict[str, pa.Table]:
    """Every row held about pupil `upn`, per lake table, each with its `academic_year` and `school`."""
    found = {}
    for table in TABLES:
        keys = lake.partitions(table)
        rows = engines.lake_table(
            lake, table, {key.school for key in keys}, {key.academic_year for key in keys}, engine
        )
        order = ["academic_year", "school", *(column for column, _ in SORT_KEYS[table])]
        found[table] = engines.arrow(rows.filter(rows.upn == upn).order_by(order), engine)
    return found


def held(tables: Mapping[str, pa.Table]) -> dict[PartitionKey, int]:
    """How many of the gathered rows came from each partition."""
    counts: dict[PartitionKey, int] = {}
    for table, rows in tables.items():
        for year, school in zip(rows["academic_year"].to_pylist(), rows["school"].to_pylist(), strict=True):
            key = PartitionKey(table, year, school)
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def summary(counts: Mapping[PartitionKey, int]) -> dict[str, object]:
    """Row counts per table and per partition, as plain JSON for manifests and records."""
    return {
        "tables": {table: sum(n for key, n in counts.items() if key.table == table) for table in TABLES},
        "partitions": [
            {"table": key.table, "academic_year": key.academic_year, "school": key.school, "rows": rows}
            for key, rows in sorted(counts.items())
        ],
    }


def export_zip(upn: str, tables: Mapping[str, pa.Table], exported: dt.datetime) -> bytes:
    """The subject access ZIP: a CSV per table, a README saying what each is, and a JSON manifest."""
    manifest = {"upn": upn, "exported": exported.isoformat(timespec="seconds"), **summary(held(tables))}
    files = {
        "README.txt": _readme(upn, tables, exported).encode(),
        "manifest.json": json.dumps(manifest, indent=2).encode(),
        **{f"{table}.csv": _csv(rows) for table, rows in tables.items()},
    }
    buffer = io.BytesIO()
    stamp = exported.astimezone(UK).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _readme(upn: str, tables: Mapping[str, pa.Table], exported: dt.datetime) -> str:
    listed = "\n".join(
        f"- {table}.csv ({rows.num_rows:,} rows): {DESCRIPTIONS[table]}." for table, rows in tables.items()
    )
    return f"""Rollbook subject access export
Pupil: UPN {upn}
Exported: {exported.astimezone(UK):%d/%m/%Y at %H:%M} (UK time)

Rollbook measures school attendance and exam results from the files each school's management
information system sends it. These files hold every row Rollbook held about this pupil when this export
was made, from every school and academic year.

{listed}
- manifest.json: the same counts for each school and academic year, for computers to read.

In the CSV files, academic_year is the year the academic year starts (2024 is 2024/25), school is the
school's unique reference number (URN), and dates are written DD/MM/YYYY.

Not included: published comparator figures (national, regional and similar-school attendance), which
are totals over groups of pupils and hold no row about any one pupil.
"""


def _csv(rows: pa.Table) -> bytes:
    """CSV with dates as English schools write them, and no text a spreadsheet would run (output.inert)."""
    for index, field in enumerate(rows.schema):
        if pa.types.is_date(field.type):
            rows = rows.set_column(index, field.name, pc.strftime(rows[field.name], format="%d/%m/%Y"))
    text = io.StringIO()
    output.write_csv(rows.to_pylist(), text, columns=rows.column_names)
    return text.getvalue().encode()
