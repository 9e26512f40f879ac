"""Pupils in an import replace their own rows; pupils not in it are kept."""

from tests.support.mis_exports import (
    ANN,
    BEN,
    CAL,
    already_imported,
    ctf_pupil,
    import_one,
    pupils_in,
    write_ctf,
)


def test_an_import_updates_its_pupils_adds_new_ones_and_keeps_the_rest(tmp_path, lake):
    already_imported(lake, tmp_path / "first")  # ANN Smith and BEN
    path = write_ctf(tmp_path, ctf_pupil(ANN, surname="Jones"), ctf_pupil(CAL, forename="Cal", gender="M"))

    outcome = import_one(lake, path)

    assert outcome.landed
    assert (outcome.counts.pupils_added, outcome.counts.pupils_updated) == (1, 1)
    pupils = pupils_in(lake)
    assert sorted(pupils) == sorted([ANN, BEN, CAL])
    assert pupils[ANN]["surname"] == "Jones"
    assert pupils[BEN]["forename"] == "Ben"
    assert pupils[CAL]["forename"] == "Cal"
