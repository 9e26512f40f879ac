"""SEN status is the SENprovision of the latest StartDate; legacy S reads as E, A and P as K."""

import pytest

from tests.support.mis_exports import ANN, ctf_pupil, import_one, pupils_in, write_ctf


def sen(*records: tuple[str, str]) -> str:
    listed = "".join(
        f"<SEN><StartDate>{start}</StartDate><SENprovision>{provision}</SENprovision></SEN>"
        for start, provision in records
    )
    return f"<SENhistory>{listed}</SENhistory>"


@pytest.mark.parametrize(
    ("records", "status"),
    [
        ([("2021-09-01", "K"), ("2023-03-01", "E")], "E"),
        ([("2023-03-01", "E"), ("2021-09-01", "K")], "E"),  # order in the file does not matter
        ([("2021-09-01", "K"), ("2024-01-15", "N")], "N"),  # support ended
        ([("2019-09-01", "S")], "E"),  # a statement is now an EHC plan
        ([("2019-09-01", "A")], "K"),  # School Action is now SEN support
        ([("2019-09-01", "P")], "K"),  # School Action Plus is now SEN support
    ],
)
def test_the_latest_provision_is_the_status(tmp_path, lake, records, status):
    path = write_ctf(tmp_path, ctf_pupil(ANN, extra=sen(*records)))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["sen"] == status


def test_no_sen_history_means_no_sen(tmp_path, lake):
    path = write_ctf(tmp_path, ctf_pupil(ANN))

    assert import_one(lake, path).landed

    assert pupils_in(lake)[ANN]["sen"] == "N"
