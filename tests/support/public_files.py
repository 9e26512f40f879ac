"""Small public data files written as the DfE and FFT write them, for the import tests."""

from __future__ import annotations

import json
from pathlib import Path

from rollbook.ingest.public import PublicImport, import_public
from rollbook.lake.public import PublicStore

KS4_2019 = (
    "RECTYPE,LEA,ESTAB,URN,SCHNAME,ICLOSE,NFTYPE,TPUP,ATT8SCR,P8PUP,TP8ADJ,P8MEA,P8CILOW,P8CIUPP,P8MEA_ORIG,"
    "P8CILOW_ORIG,P8CIUPP_ORIG,PTL2BASICS_94,PTL2BASICS_95,EBACCAPS,PTEBACC_E_PTQ_EE,PTEBACC_94,PTEBACC_95,"
    "PT5EM_94,P8_BANDING"
)
#: Two schools, one with its Progress 8 suppressed, then an LA's and England's totals (no URN).
KS4_ROWS = (
    "1,202,4104,100049,Haverstock School,0,CY,199,42.4,178,2,-0.09,-0.28,0.09,-0.1,-0.29,0.09,58.8%,43.2%,"
    "3.72,24.1%,19.1%,14.1%,53.3%,3",
    "1,202,4166,100050,Parliament Hill School,0,CY,175,58.7,164,0,SUPP,SUPP,SUPP,SUPP,SUPP,SUPP,76.0%,57.1%,"
    "5.34,58.3%,46.9%,33.1%,72.0%,SUPP",
    "4,202,,,,,,1500,47.9,1400,10,0.20,0.14,0.27,0.19,0.13,0.26,68.0%,48.0%,4.5,55.0%,34.0%,24.0%,64.0%,",
    "7,,,,,,,542831,46.5,513055,4888,-0.03,,,-0.03,,,64.4%,43.0%,4.06,40.0%,24.8%,17.0%,60.0%,",
)
CENSUS_2019 = (
    "URN,LA,ESTAB,SCHOOLTYPE,NOR,NORG,NORB,PNORG,PNORB,TSENELSE,PSENELSE,TSENELK,PSENELK,NUMEAL,NUMENGFL,"
    "NUMUNCFL,PNUMEAL,PNUMENGFL,PNUMUNCFL,NUMFSM,NUMFSMEVER,PNUMFSMEVER"
)
CENSUS_ROWS = (
    "100049,202,4104,State-funded secondary,950,393,557,41.4,58.6,30,3.2,112,11.8,694,255,1,73.1,26.8,0.1,"
    "391,500,64.5",
    "NAT,,SEC,State-funded secondary,3327970,1658168,1669802,49.8,50.2,55233,1.7,358555,10.8,561002,2751742,"
    "15226,16.9,82.7,0.5,468779,808599,27.7",
)
ABSENCE_2019 = "LA,ESTAB,URN,PERCTOT,PPERSABS10"
ABSENCE_ROWS = ("202,4104,100049,6.9,18.8", "202,4166,100050,5.3,SUPP")
OFSTED = "Rating,URN"
OFSTED_ROWS = ("Good,100049", "Unknown,100050")
AREAS = "LEA,LA Name,REGION,REGION NAME"
AREAS_ROWS = (
    "202,Camden,19,London Central",
    '810,"Kingston Upon Hull, City of",10,North Yorkshire and The Humber',
)

#: The fields of a small Schools Like Yours file, in the order its meta gives them.
SLY_META = [
    {"name": "inResults", "type": "raw"},
    {"name": "URN", "type": "id"},
    {"name": "School name", "type": "name"},
    {"name": "Region", "type": "lookup", "lookup": [["H", "London"], ["B", "North West"]]},
    {"name": "Distance", "type": "geographic"},
    {"name": "Ofsted rating", "type": "lookup", "lookup": [[1, "Outstanding"], [2, "Good"]]},
    {"name": "FSM6, %", "type": "percent", "displayScale": 1},
    {"name": "KS4 pupils, 2019", "isContributor": True},
    {"name": "Basics, 2019", "type": "percent"},
    {"name": "Difference", "precision": 2},
]
SLY_ROWS = [
    [1, 100049, "Haverstock School", "H", [528159, 184498], 2, 64.5, 199, 0.59],
    [1, 140862, "Michaela Community School", "H", [522171, 185466], 1, 46.8, 115, 0.82],
    [0, 149999, "A New School", "B", "", "", "", "", ""],
]


def csv_text(header: str, *rows: str) -> str:
    return "\n".join((header, *rows)) + "\n"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def sly_text(meta: list[dict] | None = None, rows: list[list] | None = None) -> str:
    return json.dumps({"meta": meta or SLY_META, "globals": {}, "data": SLY_ROWS if rows is None else rows})


def good_files(folder: Path) -> list[Path]:
    """A whole year's files: KS4, census, absence, Ofsted ratings, LA codes and Schools Like Yours."""
    return [
        write(folder, "england_ks4provisional.csv", csv_text(KS4_2019, *KS4_ROWS)),
        write(folder, "england_census.csv", csv_text(CENSUS_2019, *CENSUS_ROWS)),
        write(folder, "england_abs.csv", csv_text(ABSENCE_2019, *ABSENCE_ROWS)),
        write(folder, "ofsted_ratings.csv", csv_text(OFSTED, *OFSTED_ROWS)),
        write(folder, "la_and_region_codes_meta.csv", csv_text(AREAS, *AREAS_ROWS)),
        write(folder, "ks4_sly.json", sly_text()),
    ]


def store(data_dir: Path) -> PublicStore:
    return PublicStore(data_dir / "public")


def imported(paths: list[Path], public: PublicStore, year: int | None = 2019) -> PublicImport:
    return import_public(paths, public, year)


def the_refusal(outcome: PublicImport):
    """The one refusal of an import that was refused, and nothing else wrong."""
    assert not outcome.landed
    assert len(outcome.report.refusals.listed) == 1, outcome.report.text()
    return outcome.report.refusals.listed[0]
