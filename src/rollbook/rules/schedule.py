"""When national comparators are published, and to which day's data.

The default follows the DfE's weekly attendance publication: each Wednesday, the data to the previous
Friday, so late registers and the amendment window have settled. A deployment may publish daily instead:
each weekday morning, the data to the weekday before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

FRIDAY = 4


class Frequency(StrEnum):
    WEEKLY = "weekly"
    DAILY = "daily"


@dataclass(frozen=True)
class PublishingSchedule:
    frequency: Frequency = Frequency.WEEKLY
    #: Monday is 0; Wednesday by default.
    weekday: int = 2
    at: dt.time = dt.time(6, 0)

    def runs_on(self, day: dt.date) -> bool:
        if self.frequency is Frequency.DAILY:
            return day.weekday() <= FRIDAY
        return day.weekday() == self.weekday

    def latest_run(self, now: dt.datetime) -> dt.date:
        """The day of the latest run due at or before `now` (local time)."""
        day = now.date() if now.time() >= self.at else now.date() - dt.timedelta(days=1)
        while not self.runs_on(day):
            day -= dt.timedelta(days=1)
        return day

    def next_run(self, now: dt.datetime) -> dt.date:
        """The day of the first run after `now` (local time)."""
        day = now.date() if now.time() < self.at else now.date() + dt.timedelta(days=1)
        while not self.runs_on(day):
            day += dt.timedelta(days=1)
        return day

    def data_to(self, run_day: dt.date) -> dt.date:
        """The last day whose data the run on `run_day` publishes: the Friday before (weekly) or the
        weekday before (daily)."""
        if self.frequency is Frequency.DAILY:
            return run_day - dt.timedelta(days={0: 3, 6: 2}.get(run_day.weekday(), 1))
        return run_day - dt.timedelta(days=(run_day.weekday() - FRIDAY - 1) % 7 + 1)
