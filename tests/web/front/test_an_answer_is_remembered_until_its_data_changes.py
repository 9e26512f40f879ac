"""A report's answer is worked out once and remembered for the next reader asking the same question of the
same data; a new import, a new snapshot, another question or a reader who may see less gets a fresh one,
and an erasure forgets them all. Pupil-level reads are recorded every time all the same."""

from __future__ import annotations

import pytest

from rollbook.analytics.reports.attendance import summary
from rollbook.web.audit.models import AccessRecord, Kind
from rollbook.web.privacy.service import Operator, erase_pupil
from rollbook.web.publishing.service import publish_snapshot
from tests.support.registers import write_school

SUMMARY = "/schools/100001/attendance/"


@pytest.fixture
def builds(monkeypatch):
    """How many times the summary was worked out."""
    made = []
    real = summary.summary

    def counted(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(summary, "summary", counted)
    return made


def test_the_same_question_of_the_same_data_is_answered_once(world, builds):
    client = world.client_for(world.pam)
    first = client.get(SUMMARY)
    second = client.get(SUMMARY)
    assert first.status_code == second.status_code == 200
    assert len(builds) == 1
    assert second.context["result"] == first.context["result"]


def test_another_question_is_worked_out_afresh(world, builds):
    client = world.client_for(world.pam)
    client.get(SUMMARY)
    client.get(SUMMARY, {"year_group": 8})
    assert len(builds) == 2


def test_a_reader_who_may_see_less_is_not_given_an_answer_made_for_another(world, builds):
    world.client_for(world.pam).get(SUMMARY)
    world.client_for(world.alice).get(SUMMARY)  # without pupil-level access: small groups hidden
    assert len(builds) == 2


def test_new_data_for_the_school_is_a_new_answer(world, builds):
    client = world.client_for(world.pam)
    before = client.get(SUMMARY).context["result"]["measures"]
    write_school(world.lake, world.alder.urn, {"A0000000001": "/\\" * 5, "B0000000002": "O" * 10})
    after = client.get(SUMMARY).context["result"]["measures"]
    assert len(builds) == 2
    assert before["unauthorised_absence_sessions"] == 0 and after["unauthorised_absence_sessions"] == 10


def test_every_pupil_level_read_is_recorded_even_when_remembered(world):
    client = world.client_for(world.pam)
    for _ in range(3):
        assert client.get("/schools/100001/attendance/pupil-list/").status_code == 200
    assert AccessRecord.objects.filter(user=world.pam, kind=Kind.READ).count() == 3


def test_an_erasure_forgets_every_remembered_answer(world, builds):
    client = world.client_for(world.pam)
    client.get(SUMMARY)
    erase_pupil("C0000000003", "tested", Operator.cli())  # Birch's pupil: Alder's data is unchanged
    client.get(SUMMARY)
    assert len(builds) == 2


def test_a_new_snapshot_is_a_new_answer(world, builds, monkeypatch):
    monkeypatch.setenv("ROLLBOOK_MIN_COMPARATOR_SCHOOLS", "1")
    client = world.client_for(world.pam)
    assert "comparators" not in client.get(SUMMARY).context["result"]["comparison"]
    publish_snapshot()
    assert client.get(SUMMARY).context["result"]["comparison"]["comparators"]
    assert len(builds) == 2
