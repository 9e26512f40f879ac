"""The publishing schedule: weekly on Wednesday for data to the Friday before, or every weekday for the
weekday before; a run is due from its time of day."""

import datetime as dt

from rollbook.rules.schedule import Frequency, PublishingSchedule

WEEKLY = PublishingSchedule()
DAILY = PublishingSchedule(Frequency.DAILY)
# 16/11/2026 is a Monday.
MON, TUE, WED, THU, FRI, SAT, SUN = (dt.date(2026, 11, 16 + offset) for offset in range(7))
LAST_FRIDAY = dt.date(2026, 11, 13)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def test_weekly_runs_on_wednesday_from_six_for_data_to_the_friday_before():
    assert WEEKLY.latest_run(at(WED, 6)) == WED
    assert WEEKLY.data_to(WED) == LAST_FRIDAY
    assert WEEKLY.latest_run(at(WED, 5, 59)) == WED - dt.timedelta(days=7)
    assert WEEKLY.latest_run(at(SUN, 23)) == WED
    assert WEEKLY.next_run(at(WED, 5, 59)) == WED
    assert WEEKLY.next_run(at(WED, 6)) == WED + dt.timedelta(days=7)


def test_a_weekly_run_on_friday_publishes_the_friday_before_not_the_same_day():
    assert PublishingSchedule(weekday=4).data_to(FRI) == LAST_FRIDAY


def test_daily_runs_each_weekday_for_the_weekday_before():
    assert DAILY.latest_run(at(TUE, 7)) == TUE
    assert DAILY.data_to(TUE) == MON
    assert DAILY.data_to(MON) == LAST_FRIDAY
    assert DAILY.latest_run(at(SAT, 12)) == FRI
    assert DAILY.latest_run(at(MON, 5)) == LAST_FRIDAY
    assert DAILY.data_to(FRI) == THU
    assert DAILY.next_run(at(FRI, 9)) == FRI + dt.timedelta(days=3)
