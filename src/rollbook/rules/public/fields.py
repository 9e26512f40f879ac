"""The fields of the DfE's public school-level files, as data: our key, the name a page shows, its kind, and
the column names the DfE has used for it, year by year.

A file's kind is recognised by its columns, not its name (`DataSet.required`). A field is read from any of
its column names, the newest first, compared without regard to case or spacing; a file with none of them
simply lacks the field. When the DfE renames a column, adding its new name is adding one `ColumnName` row.
The rows and their sources are listed in docs/public-data.md.

Years are results years, named as the performance tables name them: 2019 is the academic year 2018/19.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class Kind(StrEnum):
    IDENTIFIER = "identifier"  # URN, LA code: digits
    NAME = "name"
    CATEGORY = "category"  # a code or word, kept as written
    RATING = "Ofsted rating"  # 1 to 4 (rules.public.ofsted)
    RATE = "rate, %"  # 0 to 100
    SCORE = "score"  # Attainment 8, Progress 8, point scores
    COUNT = "count"  # whole pupils


#: The kinds that are figures: what a table sorts, a chart plots and a family can be chosen by.
NUMERIC = frozenset({Kind.RATE, Kind.SCORE, Kind.COUNT})


class DataSet(StrEnum):
    KS4 = "ks4"
    CENSUS = "census"
    ABSENCE = "absence"
    OFSTED = "ofsted"
    AREAS = "areas"
    SCHOOLS_LIKE_YOURS = "schools_like_yours"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DataSet.KS4: "school-level KS4 results",
    DataSet.CENSUS: "school census",
    DataSet.ABSENCE: "school absence",
    DataSet.OFSTED: "Ofsted ratings",
    DataSet.AREAS: "local authority and region codes",
    DataSet.SCHOOLS_LIKE_YOURS: "Schools Like Yours",
}


def absence_year(results_year: int) -> int:
    """The academic year (by its first calendar year) of the school absence a results year's performance
    tables publish: the year before's, the last whole year counted when they are made (the 2019 tables, for
    2018/19, give 2017/18's absence for the whole year, pupils aged 5 to 15, persistent absence at 10% of
    each pupil's own sessions). An explore education statistics file names its own year and is filed under
    it, so for one of those this is a year early: the store does not yet say which kind a year's came from."""
    return results_year - 2


@dataclass(frozen=True)
class Field:
    dataset: DataSet
    key: str
    label: str
    kind: Kind
    #: A file of this data set always has it: together these recognise the file's kind.
    required: bool = False


@dataclass(frozen=True)
class ColumnName:
    dataset: DataSet
    field: str
    name: str
    #: The first results year whose files use this name.
    since: int
    source: str


_K, _C, _A, _O, _R = DataSet.KS4, DataSet.CENSUS, DataSet.ABSENCE, DataSet.OFSTED, DataSet.AREAS

FIELDS = (
    Field(_K, "urn", "URN", Kind.IDENTIFIER, required=True),
    Field(_K, "la_code", "LA code", Kind.IDENTIFIER),
    Field(_K, "estab", "Establishment number", Kind.IDENTIFIER),
    Field(_K, "laestab", "DfE number", Kind.IDENTIFIER),
    Field(_K, "name", "School name", Kind.NAME),
    Field(_K, "record_type", "Record type", Kind.CATEGORY),
    Field(_K, "school_type", "School type", Kind.CATEGORY),
    Field(_K, "closed", "Closed or closing", Kind.CATEGORY),
    Field(_K, "ks4_pupils", "KS4 pupils", Kind.COUNT),
    Field(_K, "attainment8", "Attainment 8", Kind.SCORE, required=True),
    Field(_K, "p8_pupils", "Progress 8 pupils", Kind.COUNT),
    Field(_K, "p8_capped_pupils", "Pupils whose Progress 8 was capped", Kind.COUNT),
    Field(_K, "progress8", "Progress 8", Kind.SCORE),
    Field(_K, "progress8_lower", "Progress 8, lower 95% limit", Kind.SCORE),
    Field(_K, "progress8_upper", "Progress 8, upper 95% limit", Kind.SCORE),
    Field(_K, "progress8_uncapped", "Progress 8 before capping", Kind.SCORE),
    Field(_K, "p8_banding", "Progress 8 banding", Kind.CATEGORY),
    Field(_K, "basics_4_rate", "Grade 4+ in English and maths, %", Kind.RATE),
    Field(_K, "basics_5_rate", "Grade 5+ in English and maths, %", Kind.RATE),
    Field(_K, "five_gcses_4_rate", "5+ GCSEs at 4+ including English and maths, %", Kind.RATE),
    Field(_K, "ebacc_entry_rate", "Entered for the EBacc, %", Kind.RATE),
    Field(_K, "ebacc_4_rate", "EBacc at grade 4+, %", Kind.RATE),
    Field(_K, "ebacc_5_rate", "EBacc at grade 5+, %", Kind.RATE),
    Field(_K, "ebacc_aps", "EBacc average point score", Kind.SCORE),
    Field(_K, "disadvantaged_pupils", "Disadvantaged KS4 pupils", Kind.COUNT),
    Field(_K, "disadvantaged_rate", "Disadvantaged KS4 pupils, %", Kind.RATE),
    Field(_K, "disadvantaged_attainment8", "Attainment 8, disadvantaged pupils", Kind.SCORE),
    Field(_K, "other_attainment8", "Attainment 8, other pupils", Kind.SCORE),
    Field(_K, "disadvantaged_progress8", "Progress 8, disadvantaged pupils", Kind.SCORE),
    Field(_K, "other_progress8", "Progress 8, other pupils", Kind.SCORE),
    Field(_K, "boys_ks4_pupils", "KS4 boys", Kind.COUNT),
    Field(_K, "girls_ks4_pupils", "KS4 girls", Kind.COUNT),
    Field(_K, "boys_attainment8", "Attainment 8, boys", Kind.SCORE),
    Field(_K, "girls_attainment8", "Attainment 8, girls", Kind.SCORE),
    Field(_K, "boys_progress8", "Progress 8, boys", Kind.SCORE),
    Field(_K, "girls_progress8", "Progress 8, girls", Kind.SCORE),
    Field(_C, "urn", "URN", Kind.IDENTIFIER, required=True),
    Field(_C, "census_school_type", "Census school type", Kind.CATEGORY),
    Field(_C, "pupils_on_roll", "Pupils on roll", Kind.COUNT, required=True),
    Field(_C, "girls_on_roll", "Girls on roll", Kind.COUNT),
    Field(_C, "boys_on_roll", "Boys on roll", Kind.COUNT),
    Field(_C, "girls_rate", "Girls, %", Kind.RATE),
    Field(_C, "boys_rate", "Boys, %", Kind.RATE),
    Field(_C, "ehc_plan_pupils", "Pupils with an EHC plan", Kind.COUNT),
    Field(_C, "ehc_plan_rate", "EHC plan, %", Kind.RATE),
    Field(_C, "sen_support_pupils", "Pupils on SEN support", Kind.COUNT),
    Field(_C, "sen_support_rate", "SEN support, %", Kind.RATE),
    Field(_C, "eal_pupils", "Pupils with English as an additional language", Kind.COUNT),
    Field(_C, "eal_rate", "EAL, %", Kind.RATE),
    Field(_C, "english_first_language_rate", "English first language, %", Kind.RATE),
    Field(_C, "unclassified_language_rate", "First language unclassified, %", Kind.RATE),
    Field(_C, "fsm_pupils", "Pupils eligible for FSM", Kind.COUNT),
    Field(_C, "fsm6_pupils", "FSM6 pupils", Kind.COUNT),
    Field(_C, "fsm6_rate", "FSM6, %", Kind.RATE),
    Field(_A, "urn", "URN", Kind.IDENTIFIER, required=True),
    Field(_A, "overall_absence_rate", "Overall absence, %", Kind.RATE, required=True),
    Field(_A, "persistent_absence_rate", "Persistent absence, %", Kind.RATE),
    Field(_O, "urn", "URN", Kind.IDENTIFIER, required=True),
    Field(_O, "ofsted_rating", "Ofsted rating", Kind.RATING, required=True),
    Field(_R, "la_code", "LA code", Kind.IDENTIFIER, required=True),
    Field(_R, "la_name", "Local authority", Kind.NAME, required=True),
    Field(_R, "region_code", "Region code", Kind.IDENTIFIER),
    Field(_R, "region_name", "Region", Kind.NAME, required=True),
)

_TABLES = "performance tables"  # compare-school-performance downloads, 2019
_FULL = "performance tables, full KS4 file"  # the full-width england_ks4final.csv
_EES = "explore education statistics"  # school-level data sets
_EES_2025 = "explore education statistics, 2024/25 schema"

COLUMN_NAMES = (
    ColumnName(_K, "urn", "URN", 2019, _TABLES),
    ColumnName(_K, "urn", "school_urn", 2023, _EES),
    ColumnName(_K, "la_code", "LEA", 2019, _TABLES),
    ColumnName(_K, "la_code", "old_la_code", 2023, _EES),
    ColumnName(_K, "estab", "ESTAB", 2019, _TABLES),
    ColumnName(_K, "laestab", "school_laestab", 2023, _EES),
    ColumnName(_K, "name", "SCHNAME", 2019, _TABLES),
    ColumnName(_K, "name", "school_name", 2023, _EES),
    ColumnName(_K, "record_type", "RECTYPE", 2019, _TABLES),
    ColumnName(_K, "school_type", "NFTYPE", 2019, _TABLES),
    ColumnName(_K, "closed", "ICLOSE", 2019, _TABLES),
    ColumnName(_K, "ks4_pupils", "TPUP", 2019, _TABLES),
    ColumnName(_K, "ks4_pupils", "t_pupils", 2023, _EES),
    ColumnName(_K, "ks4_pupils", "pupil_count", 2025, _EES_2025),
    ColumnName(_K, "attainment8", "ATT8SCR", 2019, _TABLES),
    ColumnName(_K, "attainment8", "avg_att8", 2023, _EES),
    ColumnName(_K, "attainment8", "attainment8_average", 2025, _EES_2025),
    ColumnName(_K, "p8_pupils", "P8PUP", 2019, _TABLES),
    ColumnName(_K, "p8_pupils", "t_inp8calc", 2023, _EES),
    ColumnName(_K, "p8_pupils", "progress8_pupil_count", 2025, _EES_2025),
    ColumnName(_K, "p8_capped_pupils", "TP8ADJ", 2019, _TABLES),
    ColumnName(_K, "progress8", "P8MEA", 2019, _TABLES),
    ColumnName(_K, "progress8", "avg_p8score", 2023, _EES),
    ColumnName(_K, "progress8", "progress8_average", 2025, _EES_2025),
    ColumnName(_K, "progress8_lower", "P8CILOW", 2019, _TABLES),
    ColumnName(_K, "progress8_lower", "p8score_ci_low", 2023, _EES),
    ColumnName(_K, "progress8_lower", "progress8_lower_95_ci", 2025, _EES_2025),
    ColumnName(_K, "progress8_upper", "P8CIUPP", 2019, _TABLES),
    ColumnName(_K, "progress8_upper", "p8score_ci_upp", 2023, _EES),
    ColumnName(_K, "progress8_upper", "progress8_upper_95_ci", 2025, _EES_2025),
    ColumnName(_K, "progress8_uncapped", "P8MEA_ORIG", 2019, _TABLES),
    ColumnName(_K, "p8_banding", "P8_BANDING", 2019, _TABLES),
    ColumnName(_K, "basics_4_rate", "PTL2BASICS_94", 2019, _TABLES),
    ColumnName(_K, "basics_4_rate", "pt_l2basics_94", 2023, _EES),
    ColumnName(_K, "basics_4_rate", "engmath_94_percent", 2025, _EES_2025),
    ColumnName(_K, "basics_5_rate", "PTL2BASICS_95", 2019, _TABLES),
    ColumnName(_K, "basics_5_rate", "pt_l2basics_95", 2023, _EES),
    ColumnName(_K, "basics_5_rate", "engmath_95_percent", 2025, _EES_2025),
    ColumnName(_K, "five_gcses_4_rate", "PT5EM_94", 2019, _TABLES),
    ColumnName(_K, "ebacc_entry_rate", "PTEBACC_E_PTQ_EE", 2019, _TABLES),
    ColumnName(_K, "ebacc_entry_rate", "pt_ebacc_e_ptq_ee", 2023, _EES),
    ColumnName(_K, "ebacc_entry_rate", "ebacc_entering_percent", 2025, _EES_2025),
    ColumnName(_K, "ebacc_4_rate", "PTEBACC_94", 2019, _TABLES),
    ColumnName(_K, "ebacc_4_rate", "pt_ebacc_94", 2023, _EES),
    ColumnName(_K, "ebacc_4_rate", "ebacc_94_percent", 2025, _EES_2025),
    ColumnName(_K, "ebacc_5_rate", "PTEBACC_95", 2019, _TABLES),
    ColumnName(_K, "ebacc_5_rate", "pt_ebacc_95", 2023, _EES),
    ColumnName(_K, "ebacc_5_rate", "ebacc_95_percent", 2025, _EES_2025),
    ColumnName(_K, "ebacc_aps", "EBACCAPS", 2019, _TABLES),
    ColumnName(_K, "ebacc_aps", "avg_ebaccaps", 2023, _EES),
    ColumnName(_K, "ebacc_aps", "ebacc_aps_average", 2025, _EES_2025),
    ColumnName(_K, "disadvantaged_pupils", "TFSM6CLA1A", 2019, _FULL),
    ColumnName(_K, "disadvantaged_rate", "PTFSM6CLA1A", 2019, _FULL),
    ColumnName(_K, "disadvantaged_attainment8", "ATT8SCR_FSM6CLA1A", 2019, _FULL),
    ColumnName(_K, "other_attainment8", "ATT8SCR_NFSM6CLA1A", 2019, _FULL),
    ColumnName(_K, "disadvantaged_progress8", "P8MEA_FSM6CLA1A", 2019, _FULL),
    ColumnName(_K, "other_progress8", "P8MEA_NFSM6CLA1A", 2019, _FULL),
    ColumnName(_K, "boys_ks4_pupils", "BPUP", 2019, _FULL),
    ColumnName(_K, "girls_ks4_pupils", "GPUP", 2019, _FULL),
    ColumnName(_K, "boys_attainment8", "ATT8SCR_BOYS", 2019, _FULL),
    ColumnName(_K, "girls_attainment8", "ATT8SCR_GIRLS", 2019, _FULL),
    ColumnName(_K, "boys_progress8", "P8MEA_BOYS", 2019, _FULL),
    ColumnName(_K, "girls_progress8", "P8MEA_GIRLS", 2019, _FULL),
    ColumnName(_C, "urn", "URN", 2019, _TABLES),
    ColumnName(_C, "census_school_type", "SCHOOLTYPE", 2019, _TABLES),
    ColumnName(_C, "pupils_on_roll", "NOR", 2019, _TABLES),
    ColumnName(_C, "girls_on_roll", "NORG", 2019, _TABLES),
    ColumnName(_C, "boys_on_roll", "NORB", 2019, _TABLES),
    ColumnName(_C, "girls_rate", "PNORG", 2019, _TABLES),
    ColumnName(_C, "boys_rate", "PNORB", 2019, _TABLES),
    ColumnName(_C, "ehc_plan_pupils", "TSENELSE", 2019, _TABLES),
    ColumnName(_C, "ehc_plan_rate", "PSENELSE", 2019, _TABLES),
    ColumnName(_C, "sen_support_pupils", "TSENELK", 2019, _TABLES),
    ColumnName(_C, "sen_support_rate", "PSENELK", 2019, _TABLES),
    ColumnName(_C, "eal_pupils", "NUMEAL", 2019, _TABLES),
    ColumnName(_C, "eal_rate", "PNUMEAL", 2019, _TABLES),
    ColumnName(_C, "english_first_language_rate", "PNUMENGFL", 2019, _TABLES),
    ColumnName(_C, "unclassified_language_rate", "PNUMUNCFL", 2019, _TABLES),
    ColumnName(_C, "fsm_pupils", "NUMFSM", 2019, _TABLES),
    ColumnName(_C, "fsm6_pupils", "NUMFSMEVER", 2019, _TABLES),
    ColumnName(_C, "fsm6_rate", "PNUMFSMEVER", 2019, _TABLES),
    ColumnName(_A, "urn", "URN", 2019, _TABLES),
    ColumnName(_A, "urn", "school_urn", 2014, _EES),
    ColumnName(_A, "overall_absence_rate", "PERCTOT", 2019, _TABLES),
    ColumnName(_A, "overall_absence_rate", "sess_overall_percent", 2014, _EES),
    ColumnName(_A, "persistent_absence_rate", "PPERSABS10", 2019, _TABLES),
    ColumnName(_A, "persistent_absence_rate", "enrolments_pa_10_exact_percent", 2014, _EES),
    ColumnName(_O, "urn", "URN", 2019, _TABLES),
    ColumnName(_O, "ofsted_rating", "Rating", 2019, _TABLES),
    ColumnName(_O, "ofsted_rating", "Overall effectiveness", 2019, "Ofsted management information"),
    ColumnName(
        _O, "ofsted_rating", "Latest OEIF overall effectiveness", 2024, "Ofsted management information"
    ),
    ColumnName(_R, "la_code", "LEA", 2019, _TABLES),
    ColumnName(_R, "la_name", "LA Name", 2019, _TABLES),
    ColumnName(_R, "region_code", "REGION", 2019, _TABLES),
    ColumnName(_R, "region_name", "REGION NAME", 2019, _TABLES),
)

#: Columns of explore-education-statistics files that are not fields: the year, and how rows are cut.
YEAR_COLUMN = "time_period"
LEVEL_COLUMN = "geographic_level"
SCHOOL_LEVEL = "school"
#: A row that breaks a school's figures down (by sex, disadvantage…) has one of these columns set to
#: something other than a whole-school value; only whole-school rows are read.
BREAKDOWN_COLUMNS = ("breakdown", "breakdown_topic", "sex", "disadvantage_status", "fsm_status")
WHOLE_SCHOOL = frozenset({"total", "all pupils"})


def normalised(name: str) -> str:
    """A column name compared without regard to case, spacing or a byte-order mark."""
    return " ".join(name.replace("\ufeff", "").split()).casefold()


def fields(dataset: DataSet) -> tuple[Field, ...]:
    return tuple(field for field in FIELDS if field.dataset is dataset)


def column_names(dataset: DataSet, key: str) -> tuple[str, ...]:
    """The names a field is read from, newest first."""
    rows = [row for row in COLUMN_NAMES if row.dataset is dataset and row.field == key]
    return tuple(row.name for row in sorted(rows, key=lambda row: -row.since))


@cache
def _by_key() -> dict[str, Field]:
    """The measures and categories of every CSV data set by key (a URN is every data set's `urn`)."""
    return {each.key: each for each in FIELDS if each.dataset is not DataSet.AREAS}


def explore_field(key: str) -> Field:
    """A field of the explore table by its key; KeyError naming the choices when there is none."""
    try:
        return _by_key()[key]
    except KeyError:
        raise KeyError(f"no field {key!r}; choose one of {', '.join(_by_key())}") from None


def measures() -> tuple[Field, ...]:
    """Every figure the explore table holds, in the order pages list them."""
    return tuple(each for each in _by_key().values() if each.kind in NUMERIC)
