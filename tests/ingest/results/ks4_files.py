"""A small school's Year 10 and Year 11 for the KS4 import tests: Alder's pupils of 2024/25 (builders.py's
school, LA 123, Estab 4567, URN 900001) from a CTF, and results.csv, prior.csv and baseline.csv written
as a test asks."""

from __future__ import annotations

from pathlib import Path

from rollbook.ingest import ImportOutcome
from rollbook.lake import Lake
from tests.ingest.builders import csv_text, import_one, pupil, upn, write, write_ctf

#: Year 11: ANN and BEN; Year 10: CAL; Year 8: EVE; Year 7: DEE. In 2024/25 Year 7 were in Year 6 in summer
#: 2024, Year 8 in 2023, Year 10 and Year 11 in 2021 and 2020, when there were no KS2 tests.
ANN, BEN, CAL, DEE, EVE = upn(11), upn(12), upn(13), upn(14), upn(15)
YEAR_GROUPS = {ANN: 11, BEN: 11, CAL: 10, DEE: 7, EVE: 8}
RESULTS_HEADER = "upn,subject,qualification,grade,exam_series,board"
PRIOR_HEADER = "upn,ks2_reading,ks2_maths"
HEADERS = {"results.csv": RESULTS_HEADER, "prior.csv": PRIOR_HEADER, "baseline.csv": "upn,baseline,score"}


def the_school(lake: Lake, folder: Path, year: str = "2024/25") -> None:
    """The school's pupils of `year`, imported from its CTF."""
    folder.mkdir(parents=True, exist_ok=True)
    years = YEAR_GROUPS.items()
    pupils = [pupil(each, details=f"<NCyearActual>{year}</NCyearActual>") for each, year in years]
    assert import_one(lake, write_ctf(folder, *pupils, year=year)).landed


def import_csv(lake: Lake, folder: Path, name: str, *rows: str, **options) -> ImportOutcome:
    """Import one CSV, `rows` after its header line (the template's, unless `header` is given), for the
    school."""
    header = options.pop("header", None) or HEADERS[name]
    folder.mkdir(parents=True, exist_ok=True)
    path = write(folder, name, csv_text(header, *rows))
    return import_one(lake, path, school=900001, **options)
