"""Register marks for one school's year, drawn as arrays (pupils x school days x AM/PM), not session by
session.

Absence comes in the shapes real registers show: illness spells over consecutive days, single medical
sessions, unauthorised days that cluster before breaks and on Fridays, holidays in term time next to the
holidays, suspensions, a minority of chronic absentees who miss a large share of the year, part-time
timetables, study leave, trips and work experience. Each pupil's rate of ordinary absence is a right-skewed
draw scaled by the school's culture and the pupil's year group, FSM6, SEN and EAL; the constants below were
tuned until a national run matched DfE's 2023/24 secondary figures (tests/synth/test_calibration.py prints
the comparison).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from rollbook.rules.attendance.codes import SET_2024_STARTS
from rollbook.synth.pupils import Pupils
from rollbook.synth.schools import SchoolInfo
from rollbook.synth.season import Season

#: Every mark the generator writes, by index; index 0 is "no mark": not on roll, or after the as-of date.
CODES = ("", "/", "\\", "L", "U", "I", "M", "O", "N", "G", "C", "C2", "E", "S", "R", "J1", "V", "W", "P", "B",
         "K", "D", "Y1", "Y2", "Y4", "J", "Y")  # fmt: skip
INDEX = {code: i for i, code in enumerate(CODES)}
OFF_ROLL = INDEX[""]
#: The 2006 code set's mark for a 2024 code it lacks: C2 (part-time timetable) was recorded as C, J1
#: (interview) was J, an AEA, LA-arranged provision (K) was B, and the Y1-Y7 reasons were one Y.
BEFORE_2024 = {"C2": "C", "J1": "J", "K": "B", "Y1": "Y", "Y2": "Y", "Y4": "Y"}
_TO_2006 = np.array([INDEX[BEFORE_2024.get(code, code)] for code in CODES], dtype=np.uint8)

AM, PM = 0, 1

# Who is absent more. Year groups, FSM6 and SEN scale a pupil's ordinary absence and the chance of being a
# chronic absentee (DfE: PA Y7:Y11 about 1:1.5, FSM6 about double, SEN about 1.6x; EAL pupils are absent
# less).
YEAR_EFFECT = {7: 0.84, 8: 0.96, 9: 1.04, 10: 1.07, 11: 1.07, 12: 1.1, 13: 1.15}
FSM6_EFFECT = 1.9
SEN_EFFECT = {"N": 1.0, "K": 1.35, "E": 1.5}
EAL_EFFECT = 0.85
#: A pupil's ordinary-absence propensity (mean 1) is a floor everyone shares (nobody is never ill) plus a
#: gamma draw of this shape: smaller is more right-skewed.
PROPENSITY_FLOOR, PROPENSITY_SHAPE = 0.3, 1.5

# Ordinary absence (rates per school day or session, for a pupil of propensity 1 at a season factor of 1).
ILLNESS_START, ILLNESS_MEAN_DAYS = 0.0072, 3.2
LONG_ILLNESS_SHARE, LONG_ILLNESS_DAYS = 0.012, (10, 40)
UNAUTHORISED_DAY = 0.0060
UNAUTHORISED_PM = 0.0025
FRIDAY, FRIDAY_PM_DRIFT = 4, 2.5
MEDICAL_SESSION = 0.0036
OTHER_AUTHORISED_DAY, OTHER_AUTHORISED_BEFORE_BREAK = 0.0028, 1.6
#: Term-time holidays: who takes one, how long, and how many are next to a break (the rest fall anywhere;
#: DfE's unauthorised rate rises only about 0.5 points in the week before half-term), after it or before.
HOLIDAY_SHARE, HOLIDAY_DAYS = 0.13, (2, 8)
HOLIDAY_NEXT_TO_BREAK, HOLIDAY_AFTER_BREAK = 0.35, 0.2
SUSPENDED_SHARE, SUSPENSIONS_MEAN, SUSPENSION_MEAN_DAYS = 0.14, 1.6, 2.2
LATE_AM, LATE_PM, LATE_SHAPE = 0.057, 0.014, 0.7
AFTER_REGISTER_CLOSED = 0.1  # U as a share of L

# Chronic absentees: a share of pupils (scaled like the propensity) who miss 10-95% of the year, mostly as
# unauthorised days, some as illness, sometimes only the afternoon.
CHRONIC_SHARE, CHRONIC_POWER, CHRONIC_CAP = 0.08, 1.4, 0.6
CHRONIC_FLOOR, CHRONIC_RANGE, CHRONIC_BETA = 0.04, 0.92, (0.8, 1.6)
CHRONIC_HALF_DAY = 0.15

# Timetables and planned events.
PART_TIME_SHARE, PART_TIME_DAYS = 0.006, (30, 120)
OFF_SITE_SHARE, LA_PROVISION_SHARE, DUAL_REGISTERED_SHARE = 0.012, 0.003, 0.003
TRIP_SESSIONS_PER_PUPIL, RESIDENTIAL_SHARE, RESIDENTIAL_DAYS = 3.0, 0.2, 3  # V: about 0.8% of sessions
WORK_EXPERIENCE_SCHOOLS, WORK_EXPERIENCE_TAKEN, WORK_EXPERIENCE_YEAR = 0.6, 0.9, 10
SPORT_SESSION = 0.0015
STUDY_LEAVE_SCHOOLS, STUDY_LEAVE_SESSION, STUDY_LEAVE_DAYS_BEFORE_HALF_TERM = 0.35, 0.15, 10
INTERVIEW_SESSION, INTERVIEW_YEARS = 0.0008, (11, 13)
CLOSURE_SCHOOLS, CLOSURE_CODES = 0.15, ("Y1", "Y2", "Y4")
#: Eid al-Fitr and Eid al-Adha fall about 10.9 days earlier each year (a lunar year is 354.37 days).
EID_2024, LUNAR_YEAR_DAYS = (dt.date(2024, 4, 10), dt.date(2024, 6, 16)), 354.367
RELIGIOUS_OBSERVANCE = {"APKN": 0.7, "ABAN": 0.7, "AOTH": 0.3, "BAFR": 0.25, "OOTH": 0.3, "MOTH": 0.15,
                        "REFU": 0.3, "AIND": 0.1}  # fmt: skip

# Marks still "N" (no reason yet) in the last school days before the as-of date, most recent first; and the
# share of unauthorised days that never get a reason.
UNRESOLVED = (0.85, 0.6, 0.4, 0.25, 0.1)
NEVER_RESOLVED = 0.04
RESOLVABLE = np.isin(np.arange(len(CODES)), [INDEX[c] for c in ("I", "O", "G", "C")])


def draw_marks(
    rng: np.random.Generator,
    school: SchoolInfo,
    pupils: Pupils,
    days: list[dt.date],
    season: Season,
    as_of: dt.date,
) -> np.ndarray:
    """Marks (code indices into CODES) shaped pupils x sessions, two sessions a school day, AM first.

    `days` are the whole year's school days (so the year's shape is the same whatever `as_of`); the result
    covers the school days up to `as_of` only.
    """
    marks = np.empty((len(pupils), len(days), 2), dtype=np.uint8)
    marks[..., AM], marks[..., PM] = INDEX["/"], INDEX["\\"]
    liability = school.culture * _group_effect(pupils)
    spread = rng.gamma(PROPENSITY_SHAPE, 1 / PROPENSITY_SHAPE, len(pupils))
    propensity = liability * (PROPENSITY_FLOOR + (1 - PROPENSITY_FLOOR) * spread)

    _approved_activities(rng, marks, school, pupils, days)
    _lateness(rng, marks, propensity)
    _ordinary_absence(rng, marks, pupils, days, season, propensity)
    _chronic_absence(rng, marks, season, liability)
    _timetabled_leave(rng, marks, school, pupils, days, liability)
    _closure(rng, marks, days)

    shown = sum(day <= as_of for day in days)
    marks = marks[:, :shown]
    _unresolved(rng, marks, last_day=days[shown - 1] if shown else None, as_of=as_of, year_end=days[-1])
    old = np.array([day < SET_2024_STARTS for day in days[:shown]], dtype=bool)
    marks[:, old] = _TO_2006[marks[:, old]]
    marks[~_on_roll(pupils, days[:shown])] = OFF_ROLL
    return marks.reshape(len(pupils), 2 * shown)


def _group_effect(pupils: Pupils) -> np.ndarray:
    year = np.vectorize(YEAR_EFFECT.get)(pupils.nc_year)
    sen = np.vectorize(SEN_EFFECT.get)(pupils.sen)
    return year * sen * np.where(pupils.fsm6, FSM6_EFFECT, 1.0) * np.where(pupils.eal, EAL_EFFECT, 1.0)


def _on_roll(pupils: Pupils, days: list[dt.date]) -> np.ndarray:
    """Pupils x days: on roll from the admission date to the leaving date, both inclusive."""
    dates = np.array(days, dtype="datetime64[D]")
    joined = pupils.admission[:, None] <= dates[None, :]
    leaving = pupils.leaving[:, None]
    return joined & (np.isnat(leaving) | (dates[None, :] <= leaving))


def _runs(shape: tuple[int, int], rows: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """A pupils x days mask with a run of `lengths` days from each (row, start), cut at the year's end."""
    lengths = np.maximum(lengths, 1).astype(int)
    step = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    cols = np.repeat(starts, lengths) + step
    rows = np.repeat(rows, lengths)
    inside = (cols >= 0) & (cols < shape[1])
    mask = np.zeros(shape, dtype=bool)
    mask[rows[inside], cols[inside]] = True
    return mask


def _spells(rng: np.random.Generator, start_chance: np.ndarray, mean_days: float) -> np.ndarray:
    rows, starts = np.nonzero(rng.random(start_chance.shape) < start_chance)
    return _runs(start_chance.shape, rows, starts, rng.geometric(1 / mean_days, size=len(rows)))


def _approved_activities(
    rng: np.random.Generator, marks: np.ndarray, school: SchoolInfo, pupils: Pupils, days: list[dt.date]
) -> None:
    """Trips (V) for registration groups, Year 10 work experience (W), sport (P) and interviews (J1)."""
    count, width = marks.shape[:2]
    groups, group_of = np.unique(pupils.reg_group, return_inverse=True)
    mean_trip_days = 1 + RESIDENTIAL_SHARE * (RESIDENTIAL_DAYS - 1)
    trips = round(len(groups) * TRIP_SESSIONS_PER_PUPIL / (2 * mean_trip_days))
    trip_group = rng.integers(len(groups), size=trips)
    trip_day = rng.integers(width, size=trips)
    trip_days = np.where(rng.random(trips) < RESIDENTIAL_SHARE, RESIDENTIAL_DAYS, 1)
    on_trip = np.zeros((len(groups), width), dtype=bool)
    on_trip |= _runs(on_trip.shape, trip_group, trip_day, trip_days)
    marks[on_trip[group_of]] = INDEX["V"]

    if rng.random() < WORK_EXPERIENCE_SCHOOLS:
        mondays = [
            i
            for i, day in enumerate(days)
            if day.weekday() == 0 and (6, 15) <= (day.month, day.day) <= (7, 10)
        ]
        if mondays:
            week = np.zeros(width, dtype=bool)
            week[mondays[rng.integers(len(mondays))] :][:5] = True
            taking = (pupils.nc_year == WORK_EXPERIENCE_YEAR) & (rng.random(count) < WORK_EXPERIENCE_TAKEN)
            marks[np.outer(taking, week)] = INDEX["W"]

    marks[rng.random(marks.shape) < SPORT_SESSION] = INDEX["P"]
    interviewed = np.isin(pupils.nc_year, INTERVIEW_YEARS)[:, None, None] & (
        rng.random(marks.shape) < INTERVIEW_SESSION
    )
    marks[interviewed] = INDEX["J1"]


def _lateness(rng: np.random.Generator, marks: np.ndarray, propensity: np.ndarray) -> None:
    """L (late, before the register closed) and U (after it closed), more in the morning, for a few pupils."""
    lateness = rng.gamma(LATE_SHAPE, 1 / LATE_SHAPE, len(propensity)) * np.sqrt(propensity)
    chance = lateness[:, None, None] * np.array([LATE_AM, LATE_PM])[None, None, :]
    draw = rng.random(marks.shape)
    present = marks <= INDEX["\\"]
    marks[present & (draw < chance)] = INDEX["L"]
    marks[present & (draw < chance * AFTER_REGISTER_CLOSED)] = INDEX["U"]


def _ordinary_absence(
    rng: np.random.Generator,
    marks: np.ndarray,
    pupils: Pupils,
    days: list[dt.date],
    season: Season,
    propensity: np.ndarray,
) -> None:
    count, width = marks.shape[:2]
    shape = (count, width)
    rate = propensity[:, None]

    illness = _spells(rng, ILLNESS_START * rate * season.illness[None, :], ILLNESS_MEAN_DAYS)
    long_ill = np.flatnonzero(rng.random(count) < LONG_ILLNESS_SHARE)
    illness |= _runs(shape, long_ill, rng.integers(width, size=len(long_ill)),
                     rng.integers(*LONG_ILLNESS_DAYS, size=len(long_ill)))  # fmt: skip
    marks[illness] = INDEX["I"]

    unauthorised = UNAUTHORISED_DAY * rate**1.3 * season.unauthorised[None, :]
    marks[rng.random(shape) < unauthorised] = INDEX["O"]
    friday = np.where(season.weekday == FRIDAY, FRIDAY_PM_DRIFT, 1.0)
    marks[..., PM][rng.random(shape) < UNAUTHORISED_PM * rate * friday[None, :]] = INDEX["O"]

    marks[rng.random(marks.shape) < MEDICAL_SESSION * np.sqrt(rate)[..., None]] = INDEX["M"]
    before = np.where(season.before_break, OTHER_AUTHORISED_BEFORE_BREAK, 1.0)
    marks[rng.random(shape) < OTHER_AUTHORISED_DAY * np.sqrt(rate) * before[None, :]] = INDEX["C"]

    marks[_holidays(rng, shape, season, propensity)] = INDEX["G"]
    marks[_suspensions(rng, shape, propensity)] = INDEX["E"]
    marks[_religious_observance(rng, pupils, days)] = INDEX["R"]


def _holidays(
    rng: np.random.Generator, shape: tuple[int, int], season: Season, propensity: np.ndarray
) -> np.ndarray:
    """Term-time holidays (G): blocks of days, some running up to a break or starting just after one."""
    takers = np.flatnonzero(rng.random(shape[0]) < HOLIDAY_SHARE * propensity**0.3)
    last_days = np.flatnonzero(np.diff(np.append(season.before_break, False).astype(int)) < 0)
    first_days = np.append(0, last_days[:-1] + 1)
    lengths = rng.integers(*HOLIDAY_DAYS, endpoint=True, size=len(takers))
    edge = rng.integers(len(last_days), size=len(takers))
    after = rng.random(len(takers)) < HOLIDAY_AFTER_BREAK
    starts = np.where(after, first_days[edge], last_days[edge] - lengths + 1)
    anywhere = rng.random(len(takers)) >= HOLIDAY_NEXT_TO_BREAK
    starts[anywhere] = rng.integers(shape[1], size=anywhere.sum())
    return _runs(shape, takers, starts, lengths)


def _suspensions(rng: np.random.Generator, shape: tuple[int, int], propensity: np.ndarray) -> np.ndarray:
    suspended = np.flatnonzero(rng.random(shape[0]) < np.minimum(SUSPENDED_SHARE * propensity, 1))
    episodes = 1 + rng.poisson(SUSPENSIONS_MEAN - 1, size=len(suspended))
    rows = np.repeat(suspended, episodes)
    return _runs(shape, rows, rng.integers(shape[1], size=len(rows)),
                 rng.geometric(1 / SUSPENSION_MEAN_DAYS, size=len(rows)))  # fmt: skip


def _religious_observance(rng: np.random.Generator, pupils: Pupils, days: list[dt.date]) -> np.ndarray:
    """R on the Eid days that fall on school days, for pupils of the families most likely to observe them."""
    mask = np.zeros((len(pupils), len(days)), dtype=bool)
    first, last = days[0], days[-1]
    index = {day: i for i, day in enumerate(days)}
    chance = np.vectorize(lambda code: RELIGIOUS_OBSERVANCE.get(code, 0.0))(pupils.ethnicity)
    for eid in EID_2024:
        shift = round((first - eid).days / LUNAR_YEAR_DAYS)
        for years in (shift, shift + 1):
            day = eid + dt.timedelta(days=round(years * LUNAR_YEAR_DAYS))
            if first <= day <= last and day in index:
                mask[:, index[day]] = rng.random(len(pupils)) < chance
    return mask


def _chronic_absence(
    rng: np.random.Generator, marks: np.ndarray, season: Season, liability: np.ndarray
) -> None:
    """Chronic absentees miss whole days (sometimes afternoons) at their own high rate: O, I, or N."""
    count, width = marks.shape[:2]
    chronic = np.flatnonzero(
        rng.random(count) < np.minimum(CHRONIC_SHARE * liability**CHRONIC_POWER, CHRONIC_CAP)
    )
    share = CHRONIC_FLOOR + CHRONIC_RANGE * rng.beta(*CHRONIC_BETA, size=len(chronic))
    shape = season.unauthorised / season.unauthorised.mean()
    absent = rng.random((len(chronic), width)) < np.minimum(share[:, None] * shape[None, :], 1)
    unauthorised_share = rng.beta(3, 2, size=len(chronic))
    code = np.where(rng.random((len(chronic), width)) < unauthorised_share[:, None], INDEX["O"], INDEX["I"])
    half_day = rng.random((len(chronic), width)) < CHRONIC_HALF_DAY
    rows = marks[chronic]
    rows[..., PM] = np.where(absent, code, rows[..., PM])
    rows[..., AM] = np.where(absent & ~half_day, code, rows[..., AM])
    marks[chronic] = rows


def _timetabled_leave(
    rng: np.random.Generator,
    marks: np.ndarray,
    school: SchoolInfo,
    pupils: Pupils,
    days: list[dt.date],
    liability: np.ndarray,
) -> None:
    """Part-time timetables (C2 afternoons), a weekly day off site (B), with the LA (K) or at another school
    (D), and Year 11 study leave (S) around the exams."""
    count, width = marks.shape[:2]
    weekday = np.array([day.weekday() for day in days])
    for code, share in (("B", OFF_SITE_SHARE), ("K", LA_PROVISION_SHARE), ("D", DUAL_REGISTERED_SHARE)):
        chosen = np.flatnonzero(rng.random(count) < share * liability)
        day_off = rng.integers(5, size=len(chosen))
        marks[chosen] = np.where(
            (weekday[None, :] == day_off[:, None])[..., None], INDEX[code], marks[chosen]
        )

    part_time = np.flatnonzero(rng.random(count) < PART_TIME_SHARE * liability)
    lengths = rng.integers(*PART_TIME_DAYS, size=len(part_time))
    spans = _runs((count, width), part_time, rng.integers(width, size=len(part_time)) - lengths // 2, lengths)
    marks[..., PM][spans] = INDEX["C2"]

    if rng.random() < STUDY_LEAVE_SCHOOLS:
        may_break = next(i for i, day in enumerate(days) if day.month == 6) - 1
        window = np.array([(day.month == 6) for day in days])
        window[max(0, may_break - STUDY_LEAVE_DAYS_BEFORE_HALF_TERM + 1) : may_break + 1] = True
        year_11 = pupils.nc_year == 11
        leave = (
            year_11[:, None, None] & window[None, :, None] & (rng.random(marks.shape) < STUDY_LEAVE_SESSION)
        )
        marks[leave] = INDEX["S"]


def _closure(rng: np.random.Generator, marks: np.ndarray, days: list[dt.date]) -> None:
    """A few schools close unexpectedly for a day (snow, no transport): every pupil gets the same Y code."""
    if rng.random() < CLOSURE_SCHOOLS:
        winter = [i for i, day in enumerate(days) if day.month in (12, 1, 2)]
        marks[:, winter[rng.integers(len(winter))]] = INDEX[CLOSURE_CODES[rng.integers(len(CLOSURE_CODES))]]


def _unresolved(
    rng: np.random.Generator, marks: np.ndarray, last_day: dt.date | None, as_of: dt.date, year_end: dt.date
) -> None:
    """Absences with no reason yet (N): some never resolved, and many in the last days before `as_of`."""
    unauthorised = marks == INDEX["O"]
    marks[unauthorised & (rng.random(marks.shape) < NEVER_RESOLVED)] = INDEX["N"]
    if last_day is None or as_of >= year_end:
        return
    recent = marks[:, -len(UNRESOLVED) :][:, ::-1]
    chance = np.array(UNRESOLVED[: recent.shape[1]])[None, :, None]
    pending = RESOLVABLE[recent] & (rng.random(recent.shape) < chance)
    recent[pending] = INDEX["N"]
