"""Re-sending the same files lands, but writes no partition: the lake already holds them."""

from tests.support.mis_exports import (
    ANN,
    BEN,
    csv_text,
    ctf_pupil,
    import_one,
    lake_files,
    write,
    write_ctf,
    year_data,
)


def test_the_second_import_writes_nothing(tmp_path, lake):
    ctf = write_ctf(
        tmp_path,
        ctf_pupil(ANN, attendance=year_data("2024-09-02", r"/\C1I####/\\")),
        ctf_pupil(BEN, forename="Ben", gender="M", attendance=year_data("2024-09-02", r"/\/\####")),
    )
    pupils = write(
        tmp_path,
        "pupils.csv",
        csv_text("upn,forename,surname,dob,sex,reg_group", f"{ANN},Ann,Smith,2015-05-01,F,4S"),
    )
    first = import_one(lake, ctf, pupils)
    after_first = lake_files(lake)

    second = import_one(lake, ctf, pupils)

    assert first.landed and len(first.partitions_written) == 2
    assert second.landed and second.no_change
    assert second.partitions_written == []
    assert (second.counts.pupils_unchanged, second.counts.marks_added, second.counts.marks_changed) == (
        2,
        0,
        0,
    )
    assert second.summary().endswith("no change; the lake already holds this import.")
    assert lake_files(lake) == after_first
