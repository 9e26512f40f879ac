"""Time `import_paths` on a 1,500-pupil CTF holding a full year of marks: a cold import, then the same file
again (which must change nothing), side by side with a baseline that only parses the XML, splits the marks
strings and writes Parquet, checking nothing and merging nothing.

Run with `uv run python bench/import_bench.py [PUPILS]`. A script, not a test: timings vary by machine.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset  # noqa: F401 -- pq.read_table imports it (and pandas) on first use: not import work
import pyarrow.parquet as pq
from lxml import etree

from rollbook.ingest import import_paths
from rollbook.lake import Lake
from rollbook.rules import upn as upns
from rollbook.rules.calendar import academic_year_bounds, england_default

LA, ESTAB, URN = 123, 4567, 900001
YEAR = 2024
PUPILS = 1_500
#: Codes drawn for an absent session, by weight (mostly illness), including two-character 2024 codes.
ABSENCE_CODES = {"I": 50, "M": 8, "O": 10, "G": 6, "U": 4, "L": 12, "C1": 1, "Y3": 1, "N": 3}
ABSENCE_SHARE = 0.07


def marks_string(rng: random.Random, first: dt.date, last: dt.date, school_days: set[dt.date]) -> str:
    """A year of sessions from `first`, `#` on days with no session."""
    codes, weights = list(ABSENCE_CODES), list(ABSENCE_CODES.values())
    parts = []
    day = first
    while day <= last:
        if day not in school_days:
            parts.append("##")
        else:
            am = rng.choices(codes, weights)[0] if rng.random() < ABSENCE_SHARE else "/"
            pm = rng.choices(codes, weights)[0] if rng.random() < ABSENCE_SHARE else "\\"
            parts.append(am + pm)
        day += dt.timedelta(days=1)
    return "".join(parts)


def build_ctf(path: Path, pupils: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    first, last = academic_year_bounds(YEAR)
    school_days = set(england_default(YEAR).school_days())
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<CTfile><Header><DocumentName>Common Transfer File'
            f"</DocumentName><SourceSchool><LEA>{LA}</LEA><Estab>{ESTAB}</Estab><URN>{URN}</URN>"
            f"<SchoolName>Bench Academy</SchoolName><AcademicYear>{YEAR}/{(YEAR + 1) % 100}</AcademicYear>"
            "</SourceSchool></Header>\n<CTFpupilData>\n"
        )
        for serial in range(pupils):
            upn = upns.make(LA, ESTAB, 20 + serial // 1000, serial % 1000)
            nc_year = 7 + serial % 5
            out.write(
                f"<Pupil><UPN>{upn}</UPN><Surname>Pupil{serial}</Surname><Forename>Bench</Forename>"
                f"<DOB>{2013 - nc_year + 7}-0{1 + serial % 9}-15</DOB><Gender>{'MF'[serial % 2]}</Gender>"
                f"<BasicDetails><NCyearActual>{nc_year}</NCyearActual><Ethnicity>WBRI</Ethnicity>"
                "<Languages><Type><LanguageType>F</LanguageType><Language>ENG</Language></Type></Languages>"
                "</BasicDetails><SchoolHistory><School>"
                f"<LEA>{LA}</LEA><Estab>{ESTAB}</Estab><EntryDate>2020-09-03</EntryDate></School></SchoolHistory>"
                f"<Attendance><YearData><Year>{YEAR}</Year><AttendSessions><AttendanceStartDate>{first}"
                f"</AttendanceStartDate><AttendanceMarks>{marks_string(rng, first, last, school_days)}"
                "</AttendanceMarks></AttendSessions></YearData></Attendance></Pupil>\n"
            )
        out.write("</CTFpupilData></CTfile>\n")


def baseline(path: Path, out: Path) -> None:
    """The least an import could do: lxml parse, split each marks string into sessions (two-character
    codes included), drop `#` and write the marks as Parquet. No checks, no pupils table, no merge."""
    token = re.compile(r"[A-Za-z][0-9]|.")
    upns, dates, sessions, codes = [], [], [], []
    for pupil in etree.parse(str(path)).iter("Pupil"):
        upn = pupil.findtext("UPN")
        for run in pupil.iter("AttendSessions"):
            start = dt.date.fromisoformat(run.findtext("AttendanceStartDate"))
            for n, code in enumerate(token.findall(run.findtext("AttendanceMarks"))):
                if code != "#":
                    upns.append(upn)
                    dates.append(start + dt.timedelta(days=n // 2))
                    sessions.append("PM" if n % 2 else "AM")
                    codes.append(code)
    table = pa.table({"upn": upns, "date": pa.array(dates, pa.date32()), "session": sessions, "code": codes})
    pq.write_table(table, out, compression="zstd")


def timed(label: str, run) -> float:
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    print(f"{label:<42} {seconds:6.2f} s" + (f"  {result}" if result else ""))
    return seconds


def imported(lake: Lake, path: Path) -> str:
    (outcome,) = import_paths([path], lake, today=academic_year_bounds(YEAR)[1])
    if outcome.report.refused:
        raise SystemExit(outcome.report.text())
    return outcome.summary()


def main() -> None:
    pupils = int(sys.argv[1]) if len(sys.argv) > 1 else PUPILS
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{LA}{ESTAB}_CTF_BENCH_001.xml"
        build_ctf(path, pupils)
        print(f"CTF: {pupils:,} pupils, {path.stat().st_size / 1e6:.1f} MB")
        lake = Lake(Path(folder) / "lake")
        cold = timed("Rollbook import, cold", lambda: imported(lake, path))
        again = timed("Rollbook import, same file again", lambda: imported(lake, path))
        plain = timed(
            "baseline: lxml + regex + Parquet, unchecked", lambda: baseline(path, Path(folder) / "b.parquet")
        )
        print(f"cold import / baseline: {cold / plain:.2f}x; re-import / baseline: {again / plain:.2f}x")


if __name__ == "__main__":
    main()
