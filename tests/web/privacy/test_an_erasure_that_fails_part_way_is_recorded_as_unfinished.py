"""A pupil's erasure goes one school at a time, each school all or none: when it fails part-way, the schools
done are erased, the rest are unchanged, and the record says what went and that it did not finish."""

from __future__ import annotations

import pytest

from rollbook.lake import Lake
from rollbook.web.imports.models import ImportRecord
from rollbook.web.privacy.models import ErasureRecord
from rollbook.web.privacy.service import Operator, erase_pupil
from tests.support.pupil_at_two_schools import PUPIL, contents, without


@pytest.fixture
def failing(monkeypatch) -> set[int]:
    """The schools whose erasure fails, at first Birch."""
    schools = {100002}
    real = Lake.erase_pupil

    def fail_at_some(self, upn, school):
        if school in schools:
            raise OSError("disk full")
        return real(self, upn, school)

    monkeypatch.setattr(Lake, "erase_pupil", fail_at_some)
    return schools


def test_the_failed_school_keeps_its_rows_and_the_record_is_unfinished(pupil_world, failing):
    before = contents(pupil_world.lake)
    with pytest.raises(OSError, match="disk full"):
        erase_pupil(PUPIL, "Request ref 7", Operator("cli:office"))
    birch = {key: rows for key, rows in before.items() if key.school == 100002}
    assert contents(pupil_world.lake) == {**without(before, PUPIL), **birch}
    record = ErasureRecord.objects.get()
    assert record.finished is None
    assert [p["school"] for p in record.removed["partitions"]] == [100001, 100001]
    kept = ImportRecord.objects.values_list("problems", flat=True)
    assert all(problems["warnings"]["listed"][0]["upn"] == PUPIL for problems in kept)


def test_running_it_again_finishes_the_job(pupil_world, failing):
    before = contents(pupil_world.lake)
    with pytest.raises(OSError):
        erase_pupil(PUPIL, "Request ref 7", Operator("cli:office"))
    failing.clear()
    record = erase_pupil(PUPIL, "Request ref 7, again", Operator("cli:office"))
    assert contents(pupil_world.lake) == without(before, PUPIL)
    assert record.finished is not None
    assert [p["school"] for p in record.removed["partitions"]] == [100002, 100002]
