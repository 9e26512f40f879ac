"""Freshness: each school's pages say when its data last arrived, and flag a school with no marks for the last
school day. The base world's registers run Monday 09/09/2024 to Friday 13/09/2024."""

import datetime as dt

from django.utils import timezone

from rollbook.web.accounts.models import Membership
from rollbook.web.imports.freshness import freshness
from rollbook.web.imports.models import ImportRecord

FRIDAY = dt.date(2024, 9, 13)


def test_marks_for_the_last_school_day_are_fresh_and_a_day_without_is_flagged(world):
    monday = freshness([world.alder], today=dt.date(2024, 9, 16))[world.alder.urn]
    assert (monday.marks_to, monday.expected, monday.stopped) == (FRIDAY, FRIDAY, False)
    wednesday = freshness([world.alder], today=dt.date(2024, 9, 18))[world.alder.urn]
    assert (wednesday.expected, wednesday.stopped) == (dt.date(2024, 9, 17), True)


def test_the_summer_holiday_flags_nobody(world):
    august = freshness([world.alder], today=dt.date(2025, 8, 20))[world.alder.urn]
    assert (august.marks_to, august.expected, august.stopped) == (None, None, False)


def test_data_received_is_the_latest_import_that_landed(world):
    landed = timezone.make_aware(dt.datetime(2024, 9, 14, 7, 5))
    for finished, outcome in (
        (landed, ImportRecord.LANDED),
        (landed + dt.timedelta(hours=1), ImportRecord.REFUSED),
    ):
        record = ImportRecord.objects.create(
            school=world.alder, actor="sync", outcome=outcome, started=finished
        )
        ImportRecord.objects.filter(pk=record.pk).update(finished=finished)
    found = freshness([world.alder, world.birch], today=dt.date(2024, 9, 16))
    assert found[world.alder.urn].received == landed
    assert found[world.birch.urn].received is None


def test_the_report_page_and_the_school_list_carry_the_warning(world, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda: dt.date(2024, 9, 18))
    page = world.client_for(world.alice).get(f"/schools/{world.alder.urn}/attendance/").content.decode()
    assert "No marks have arrived for 17/09/2024, the last school day." in page
    assert "marks to 13/09/2024" in page
    Membership.objects.create(user=world.bob, school=world.alder)  # bob now lists Alder and Birch
    listed = world.client_for(world.bob).get("/").content.decode()
    assert listed.count("No marks have arrived for 17/09/2024") == 2
