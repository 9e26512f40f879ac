"""Synthetic KS2 prior attainment for every pupil and GCSE results for Year 11, as a school's MIS exports them
(`prior.csv`, `results.csv`).

Each pupil has a latent prior ability, lower on average for FSM6, SEN and EAL pupils, from which their KS2
reading and maths come: fine levels for pupils who were in Year 6 up to 2015, scaled scores from 2016, none
for 2020 and 2021 (no tests) and none for a few pupils, mostly EAL, who were not at school in England then.
Year 11 grades follow the measured KS2 prior attainment (the curve of the DfE's estimates), with the
progress gaps of sex, FSM6, SEN and EAL, the pupil's absence this year, the school's own effect and noise
per pupil and per subject. Entries follow the national pattern: English and maths for nearly all, English
literature for most, triple science for high attainers, a humanity for most and a language for fewer,
then options (GCSEs and, at some schools, technical awards) to about nine qualifications. Names, grades and
boards are written in one of three MIS styles, so the importer meets the everyday names.

A Year 11 whose KS2 tests were cancelled (the 2024/25 and 2025/26 cohorts) has instead a standardised test
score the school set them (`baseline.csv`: mean 100, SD 15), drawn from the same measured ability their
grades follow, so Rollbook value added can be shown for them.

The constants were tuned until a national run met the 2019 figures (results_calibration.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from rollbook.rules.results.prior_attainment import Baseline, baseline_for, ks2_year
from rollbook.synth.pupils import Pupils, year_11_leaving_date
from rollbook.synth.school_year import SchoolYear

#: The stream of a school's seed that results are drawn from, apart from its pupils' and marks'.
RESULTS_STREAM = 4
#: And the stream of the baseline test scores, apart from the results, which adding them leaves as they were.
BASELINE_STREAM = 5

# Prior ability (standard deviations of the national spread) and KS2.
FSM6_PRIOR, SEN_PRIOR, EAL_PRIOR = -0.45, {"N": 0.0, "K": -0.85, "E": -1.6}, -0.15
INTAKE_SPREAD = 0.36
#: Some low-FSM6 schools are selective: this share of them, with an intake this far above the rest.
SELECTIVE_AMONG_LOW_FSM6, LOW_FSM6_PCT, SELECTIVE_INTAKE = 0.22, 15.0, 1.55
READING_GIRLS, MATHS_BOYS, EAL_READING = 0.12, 0.06, -0.15
KS2_NOISE = 0.44
SCALED_MEAN, SCALED_SD = {"reading": 104.0, "maths": 105.0}, 6.8
FINE_MEAN, FINE_SD, FINE_RANGE = {"reading": 4.82, "maths": 4.72}, 0.62, (2.0, 6.2)
#: Share of pupils with no KS2 results (not at school in England in Year 6), higher for EAL pupils.
NO_KS2, NO_KS2_EAL = 0.03, 0.15
#: The baseline a school sets where KS2 is missing: a standardised score (mean 100, SD 15) that follows the
#: ability the grades follow this closely (the rest is the test's own noise), kept to its usual 60 to 140.
BASELINE_NAME, BASELINE_MEAN, BASELINE_SD, BASELINE_LINK, BASELINE_RANGE = (
    "CAT4 mean SAS",
    100,
    15,
    0.9,
    (60, 140),
)
#: That ability's national mean and spread (its pupil-group gaps and school intakes move it off 0 and 1),
#: measured on a run of 80 schools, to standardise it nationally as a test publisher does.
ABILITY_MEAN, ABILITY_SD = -0.15, 1.10

# Year 11 grades: points per slot as a curve of measured prior attainment, then the gaps (in grades).
GRADE_MEAN, GRADE_SLOPE, GRADE_CURVE = 5.13, 1.52, 0.2
GIRLS, FSM6, SEN, EAL = 0.22, -0.3, {"N": 0.0, "K": -0.35, "E": -0.85}, 0.45
#: Grades lost per unit of absence this year (a pupil absent 20% of sessions drops a grade).
ABSENCE = 5.0
PUPIL_SPREAD, SUBJECT_SPREAD, SCHOOL_SPREAD = 0.85, 1.0, 0.4
ENGLISH_GIRLS, MATHS_BOYS_KS4 = 0.22, 0.15
#: A pupil's own strength or weakness in English (both its subjects) and in maths, beside their usual level.
CORE_SPREAD = 0.5
#: Schools work hardest with pupils just short of a 4 in English and maths: this share of those within
#: half a grade of it get there.
BORDERLINE, BORDERLINE_PUSHED = (2.8, 3.5), 0.45
#: Grades above or below a pupil's usual standard, by subject.
OFFSET = {
    "english_language": 0.15, "english_literature": 0.25, "maths": 0.05, "combined_science": -0.05,
    "biology": 0.45, "chemistry": 0.4, "physics": 0.45, "computer_science": 0.05, "history": 0.15,
    "geography": 0.2, "french": -0.05, "spanish": 0.0, "german": 0.0, "home_language": 2.0,
    "religious_studies": -0.1, "art_and_design": 0.25, "photography": 0.2, "physical_education": -0.2,
    "business": -0.15, "design_and_technology": -0.2, "drama": 0.15, "music": 0.1, "media_studies": -0.1,
    "food_preparation": -0.1, "sociology": 0.05, "psychology": -0.2, "statistics": 0.3,
    "citizenship": -0.1, "film_studies": 0.0, "dance": 0.1, "economics": 0.1,
}  # fmt: skip
TECHNICAL_LIFT = 0.6
TECHNICAL_POINTS = ((8.5, "D*", 2), (7.0, "D", 2), (5.5, "M", 2), (4.0, "P", 2), (3.0, "D", 1), (2.0, "M", 1),
                    (1.25, "P", 1), (0.0, "U", 0))  # fmt: skip

# Entries: chances as logistic curves of measured prior attainment (intercept, slope) unless said.
ENGLISH_AND_MATHS = {"N": 0.985, "K": 0.96, "E": 0.78}
LITERATURE = (3.2, 1.4)
TRIPLE = (-1.6, 1.5)
COMBINED = (3.0, 1.2)
COMPUTER_SCIENCE = (-2.4, 0.8)
HUMANITY = (1.5, 1.0)
BOTH_HUMANITIES = 0.08
LANGUAGE = (0.7, 0.5)
LANGUAGE_POLICY_SPREAD = 1.1
HOME_LANGUAGE = 0.3
#: Languages pupils take at school, and the GCSE a home language (pupils.LANGUAGES codes) leads to.
SCHOOL_LANGUAGES = {"french": 0.46, "spanish": 0.4, "german": 0.14}
HOME_LANGUAGES = {"POL": "polish", "URD": "urdu", "BNG": "bengali", "SYL": "bengali", "ARA": "arabic",
                  "CHI": "chinese", "CAN": "chinese", "GUJ": "gujarati", "PNJ": "panjabi",
                  "POR": "portuguese", "FAR": "persian", "TUR": "turkish", "RUS": "russian", "SPA": "spanish",
                  "FRN": "french"}  # fmt: skip
#: Qualifications a pupil aims at in all, around this and the prior-attainment slope, fewer with SEN.
QUALIFICATIONS, QUALIFICATIONS_SLOPE, QUALIFICATIONS_SEN = 8.9, 0.5, {"N": 0, "K": -1, "E": -3}
OPTIONS = {
    "religious_studies": 0.9, "art_and_design": 0.7, "physical_education": 0.55, "business": 0.5,
    "design_and_technology": 0.45, "food_preparation": 0.4, "drama": 0.35, "photography": 0.25, "music": 0.25,
    "media_studies": 0.25, "sociology": 0.2, "psychology": 0.15, "statistics": 0.12, "citizenship": 0.1,
    "film_studies": 0.05, "dance": 0.05, "economics": 0.05,
}  # fmt: skip
#: Technical awards a school may offer, with the qualification each is taken as.
TECHNICAL = {"sport": "btec", "health_and_social_care": "btec", "enterprise": "btec", "ict": "btec",
             "performing_arts": "btec", "creative_media": "cambridge", "child_development": "cambridge",
             "hospitality_and_catering": "technical"}  # fmt: skip
#: Share of schools offering technical awards, and the option weight of each award where they do.
TECHNICAL_SCHOOLS, TECHNICAL_WEIGHT = 0.7, 0.375
COMPULSORY_RS_SCHOOLS = 0.3
ABSENT_ENTRY, ABSENT_PER_ABSENCE = 0.004, 0.05
BOARDS = ("AQA", "Pearson Edexcel", "OCR", "WJEC Eduqas")

#: How each MIS style writes subjects, qualifications and double-award grades.
STYLES = ("short", "long", "spec")
SUBJECT_NAMES = {
    "english_language": ("English Lang", "English Language", "English Language (9-1)"),
    "english_literature": ("English Lit", "English Literature", "English Literature"),
    "maths": ("Maths", "Mathematics", "Mathematics (9-1)"),
    "combined_science": ("Combined Science: Trilogy", "Combined Science", "Combined Science Synergy"),
    "art_and_design": ("Art & Design", "Art and Design", "Art"),
    "physical_education": ("PE", "Physical Education", "Physical Education"),
    "design_and_technology": ("D&T", "Design and Technology", "Design Technology"),
    "food_preparation": ("Food", "Food Preparation and Nutrition", "Food Preparation & Nutrition"),
    "religious_studies": ("RS", "Religious Studies", "Religious Education"),
    "computer_science": ("Computing", "Computer Science", "Computer Science"),
    "health_and_social_care": ("HSC", "Health and Social Care", "Health & Social Care"),
    "ict": ("IT", "Digital Information Technology", "Information Technology"),
    "creative_media": ("iMedia", "Creative iMedia", "Creative Media"),
    "chinese": ("Chinese", "Chinese (Mandarin)", "Mandarin"),
}
QUALIFICATION_NAMES = {
    "gcse": ("GCSE", "GCSE (9-1)", "GCSE 9-1"),
    "double": ("GCSE", "GCSE (9-1) double award", "GCSE Double Award"),
    "btec": ("BTEC Tech Award", "Pearson BTEC Tech Award", "BTEC L1/L2 Tech Award"),
    "cambridge": ("Cambridge National", "Cambridge National Certificate", "Cambridge Nationals"),
    "technical": ("Technical Award", "Level 1/Level 2 Technical Award", "Vocational Award"),
}
DOUBLE_FORMAT = ("{}-{}", "{}{}", "{}/{}")


@dataclass(frozen=True)
class ResultRow:
    upn: str
    subject: str
    qualification: str
    grade: str
    exam_series: str
    board: str


@dataclass(frozen=True)
class SchoolResults:
    prior: list[tuple[str, str, str]]  # upn, ks2_reading, ks2_maths as written
    results: list[ResultRow]
    #: Every Year 11 pupil in the results' cohort, with or without results.
    year_11: tuple[str, ...]
    #: upn, baseline, score as written: for a Year 11 without KS2 (the tests cancelled), their test score.
    baseline: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class _Policy:
    intake: float
    value_added: float
    language: float
    technical: bool
    compulsory_rs: bool
    style: int
    boards: dict[str, str]


def results_seed(seed: np.random.SeedSequence) -> np.random.SeedSequence:
    """The school's results stream: drawn apart, so adding results changes none of its pupils or marks."""
    return np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, RESULTS_STREAM))


def draw_results(seed: np.random.SeedSequence, school_year: SchoolYear) -> SchoolResults:
    """KS2 rows for every pupil who has them, and results rows for Year 11 pupils still on roll in June."""
    rng = np.random.default_rng(results_seed(seed))
    school, pupils, year = school_year.school, school_year.pupils, school_year.calendar.academic_year
    policy = _policy(rng, school.fsm6_pct)
    reading, maths = _prior_ability(rng, pupils, policy.intake)
    prior = _prior_rows(rng, pupils, reading, maths, year)
    prior_z = (reading + maths) / 2 / np.sqrt(0.9**2 + KS2_NOISE**2 / 2)
    leaving = year_11_leaving_date(year)
    in_year_11 = (pupils.nc_year == 11) & (
        np.isnat(pupils.leaving) | (pupils.leaving >= np.datetime64(leaving))
    )
    counts = school_year.session_counts()
    possible = counts.sum(axis=1)
    absence = np.divide(counts[:, 2] + counts[:, 3], possible, out=np.zeros(len(pupils)), where=possible > 0)
    rows = [
        row
        for i in np.flatnonzero(in_year_11)
        for row in _pupil_results(rng, pupils, int(i), float(prior_z[i]), float(absence[i]), policy, year)
    ]
    baseline = _baseline_rows(seed, pupils.upn[in_year_11], prior_z[in_year_11], year)
    return SchoolResults(prior, rows, tuple(str(upn) for upn in pupils.upn[in_year_11]), baseline)


def _baseline_rows(
    seed: np.random.SeedSequence, upns: np.ndarray, ability: np.ndarray, year: int
) -> list[tuple[str, str, str]]:
    """A standardised score for each Year 11 pupil when their cohort sat no KS2 tests; none otherwise."""
    if baseline_for(ks2_year(year, 11)) is not None:
        return []
    rng = np.random.default_rng(
        np.random.SeedSequence(seed.entropy, spawn_key=(*seed.spawn_key, BASELINE_STREAM))
    )
    ability = (ability - ABILITY_MEAN) / ABILITY_SD
    z = BASELINE_LINK * ability + np.sqrt(1 - BASELINE_LINK**2) * rng.standard_normal(len(upns))
    scores = np.clip(np.round(BASELINE_MEAN + BASELINE_SD * z), *BASELINE_RANGE).astype(int)
    return [(str(upn), BASELINE_NAME, str(score)) for upn, score in zip(upns, scores, strict=True)]


def _policy(rng: np.random.Generator, fsm6_pct: float) -> _Policy:
    selective = fsm6_pct < LOW_FSM6_PCT and rng.random() < SELECTIVE_AMONG_LOW_FSM6
    boards = {
        key: BOARDS[int(rng.integers(len(BOARDS)))] for key in (*OFFSET, *TECHNICAL, *HOME_LANGUAGES.values())
    }
    return _Policy(
        intake=INTAKE_SPREAD * rng.standard_normal() + (SELECTIVE_INTAKE if selective else 0.0),
        value_added=SCHOOL_SPREAD * rng.standard_normal(),
        language=LANGUAGE_POLICY_SPREAD * rng.standard_normal(),
        technical=bool(rng.random() < TECHNICAL_SCHOOLS),
        compulsory_rs=bool(rng.random() < COMPULSORY_RS_SCHOOLS),
        style=int(rng.integers(len(STYLES))),
        boards=boards,
    )


def _prior_ability(rng: np.random.Generator, pupils: Pupils, intake: float) -> tuple[np.ndarray, np.ndarray]:
    """Each pupil's KS2 reading and maths on a national standard scale (before any rounding or cap)."""
    count = len(pupils)
    ability = (
        intake
        + np.where(pupils.fsm6, FSM6_PRIOR, 0.0)
        + np.vectorize(SEN_PRIOR.get)(pupils.sen)
        + np.where(pupils.eal, EAL_PRIOR, 0.0)
        + rng.standard_normal(count)
    )
    girls = pupils.sex == "F"
    reading = (
        0.9 * ability
        + KS2_NOISE * rng.standard_normal(count)
        + np.where(girls, READING_GIRLS, -READING_GIRLS)
    )
    reading += np.where(pupils.eal, EAL_READING, 0.0)
    maths = 0.9 * ability + KS2_NOISE * rng.standard_normal(count) + np.where(girls, -MATHS_BOYS, MATHS_BOYS)
    return reading, maths


def _prior_rows(
    rng: np.random.Generator, pupils: Pupils, reading: np.ndarray, maths: np.ndarray, year: int
) -> list[tuple[str, str, str]]:
    missing = rng.random(len(pupils)) < np.where(pupils.eal, NO_KS2 + NO_KS2_EAL, NO_KS2)
    rows = []
    for i, upn in enumerate(pupils.upn):
        baseline = baseline_for(ks2_year(year, int(pupils.nc_year[i])))
        if baseline is None or missing[i]:
            continue
        rows.append((str(upn), _ks2(reading[i], "reading", baseline), _ks2(maths[i], "maths", baseline)))
    return rows


def _ks2(z: float, subject: str, baseline: Baseline) -> str:
    if baseline is Baseline.SCALED_SCORES:
        return str(int(np.clip(round(SCALED_MEAN[subject] + SCALED_SD * z), 80, 120)))
    return f"{np.clip(FINE_MEAN[subject] + FINE_SD * z, *FINE_RANGE):.2f}"


def _logistic(curve: tuple[float, float], z: float, shift: float = 0.0) -> float:
    return float(1 / (1 + np.exp(-(curve[0] + curve[1] * z + shift))))


def _pupil_results(
    rng: np.random.Generator, pupils: Pupils, i: int, z: float, absence: float, policy: _Policy, year: int
) -> list[ResultRow]:
    sen, girl = str(pupils.sen[i]), pupils.sex[i] == "F"
    usual = (
        GRADE_MEAN + GRADE_SLOPE * z + GRADE_CURVE * z * z + (GIRLS if girl else -GIRLS)
        + (FSM6 if pupils.fsm6[i] else 0.0) + SEN[sen] + (EAL if pupils.eal[i] else 0.0)
        + policy.value_added - ABSENCE * absence + PUPIL_SPREAD * rng.standard_normal()
    )  # fmt: skip
    taken: list[tuple[str, str]] = []  # (subject key, qualification kind)
    if rng.random() < ENGLISH_AND_MATHS[sen]:
        taken += [("english_language", "gcse"), ("maths", "gcse")]
        if rng.random() < _logistic(LITERATURE, z):
            taken.append(("english_literature", "gcse"))
    if rng.random() < _logistic(TRIPLE, z):
        taken += [("biology", "gcse"), ("chemistry", "gcse"), ("physics", "gcse")]
    elif rng.random() < _logistic(COMBINED, z):
        taken.append(("combined_science", "double"))
    if rng.random() < _logistic(COMPUTER_SCIENCE, z):
        taken.append(("computer_science", "gcse"))
    if rng.random() < _logistic(HUMANITY, z):
        first = "history" if rng.random() < 0.52 else "geography"
        taken.append((first, "gcse"))
        if rng.random() < BOTH_HUMANITIES:
            taken.append(("geography" if first == "history" else "history", "gcse"))
    home = HOME_LANGUAGES.get(str(pupils.language[i])) if pupils.eal[i] else None
    if home and rng.random() < HOME_LANGUAGE:
        taken.append((home, "gcse"))
    elif rng.random() < _logistic(LANGUAGE, z, policy.language):
        taken.append((_pick(rng, SCHOOL_LANGUAGES), "gcse"))
    taken += _options(rng, z, sen, policy, len(taken))
    core = {"english": CORE_SPREAD * rng.standard_normal(), "maths": CORE_SPREAD * rng.standard_normal()}

    series = f"June {year + 1}"
    rows = []
    for key, kind in taken:
        lift = core["maths"] if key == "maths" else core["english"] if key in _ENGLISH else 0.0
        grade = _grade(rng, key, kind, usual + lift, girl, home, absence, policy.style)
        subject = SUBJECT_NAMES.get(key, (_everyday(key),) * 3)[policy.style]
        qualification = QUALIFICATION_NAMES[kind][policy.style]
        rows.append(ResultRow(str(pupils.upn[i]), subject, qualification, grade, series, policy.boards[key]))
    return rows


def _options(
    rng: np.random.Generator, z: float, sen: str, policy: _Policy, core: int
) -> list[tuple[str, str]]:
    wanted = round(QUALIFICATIONS + QUALIFICATIONS_SLOPE * z + QUALIFICATIONS_SEN[sen] + rng.normal(0, 0.8))
    weights = dict(OPTIONS)
    if policy.technical:
        weights |= dict.fromkeys(TECHNICAL, TECHNICAL_WEIGHT)
    chosen: list[tuple[str, str]] = []
    if policy.compulsory_rs:
        chosen.append(("religious_studies", "gcse"))
        del weights["religious_studies"]
    keys = list(weights)
    shares = np.array([weights[k] for k in keys])
    count = int(np.clip(wanted - core - len(chosen), 0, len(keys)))
    for index in rng.choice(len(keys), size=count, replace=False, p=shares / shares.sum()):
        key = keys[index]
        chosen.append((key, TECHNICAL.get(key, "gcse")))
    return chosen


def _grade(
    rng: np.random.Generator, key: str, kind: str, usual: float, girl: bool, home: str | None, absence: float,
    style: int,
) -> str:  # fmt: skip
    if rng.random() < ABSENT_ENTRY + ABSENT_PER_ABSENCE * absence:
        return "X"
    offset = OFFSET["home_language"] if key == home else OFFSET.get(key, 0.0)
    if key in _ENGLISH:
        offset += ENGLISH_GIRLS if girl else -ENGLISH_GIRLS
    elif key == "maths":
        offset += -MATHS_BOYS_KS4 if girl else MATHS_BOYS_KS4
    level = usual + offset + SUBJECT_SPREAD * rng.standard_normal()
    if key in _BASICS and BORDERLINE[0] <= level < BORDERLINE[1] and rng.random() < BORDERLINE_PUSHED:
        level = BORDERLINE[1]
    if kind == "double":
        low = _nine_to_one(level - 0.25 + 0.3 * rng.standard_normal())
        if low == 0:
            return "U"
        high = min(9, low + int(rng.random() < level - low + 0.25))
        return DOUBLE_FORMAT[style].format(high, low)
    if kind == "gcse":
        grade = _nine_to_one(level)
        return "U" if grade == 0 else str(grade)
    points, award, tier = min(TECHNICAL_POINTS, key=lambda p: abs(p[0] - level - TECHNICAL_LIFT))
    if tier == 0:
        return "U"
    if kind == "cambridge":
        return f"{award}{tier}"
    return (f"L{tier}{award}", f"Level {tier} {_AWARD_WORDS[award]}", f"L{tier} {_AWARD_WORDS[award]}")[style]


_ENGLISH = frozenset({"english_language", "english_literature"})
_BASICS = _ENGLISH | {"maths"}
_AWARD_WORDS = {"D*": "Distinction*", "D": "Distinction", "M": "Merit", "P": "Pass"}


def _nine_to_one(level: float) -> int:
    return 0 if level < 0.5 else int(min(9, round(level)))


def _pick(rng: np.random.Generator, weights: dict[str, float]) -> str:
    keys = list(weights)
    shares = np.array([weights[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=shares / shares.sum()))]


def _everyday(key: str) -> str:
    """A subject's name as most exports write it: its key in words, capitalised ("Religious studies")."""
    return key.replace("_", " ").capitalize()
