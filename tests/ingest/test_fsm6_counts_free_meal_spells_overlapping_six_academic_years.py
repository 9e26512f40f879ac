"""FSM6 for 2024/25: any FSM spell overlapping 01/08/2019 to 31/07/2025, the six academic years ending with
the imported one. An open spell has no end date."""

import pytest

from tests.support.mis_exports import ANN, ctf_pupil, import_one, pupils_in, write_ctf


def spell(start: str, end: str | None = None) -> str:
    ending = f"<FSMendDate>{end}</FSMendDate>" if end else ""
    return f"<FSMinstance><FSMstartDate>{start}</FSMstartDate>{ending}</FSMinstance>"


@pytest.mark.parametrize(
    ("spells", "fsm6"),
    [
        ([spell("2018-01-10", "2019-07-31")], False),  # ends the day before the window
        ([spell("2018-01-10", "2019-08-01")], True),  # ends on the window's first day
        ([spell("2025-07-31")], True),  # starts on the window's last day
        ([spell("2025-08-01")], False),  # starts the day after the window
        ([spell("2012-09-01")], True),  # open since long before the window
        ([spell("2016-09-01", "2017-03-31"), spell("2023-01-05", "2023-02-05")], True),  # second one counts
        ([], False),  # an FSMhistory with no spells
    ],
)
def test_fsm6_window_edges(tmp_path, lake, spells, fsm6):
    history = f"<FSMhistory><FSMreviewDate>2024-09-01</FSMreviewDate>{''.join(spells)}</FSMhistory>"
    path = write_ctf(tmp_path, ctf_pupil(ANN, extra=history))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["fsm6"] is fsm6


def test_no_fsm_history_means_not_fsm6(tmp_path, lake):
    path = write_ctf(tmp_path, ctf_pupil(ANN))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["fsm6"] is False
