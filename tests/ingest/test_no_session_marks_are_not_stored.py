"""`#` (no session) is not a possible session, so it is not stored; `-` (no mark entered yet) is."""

import datetime as dt

from rollbook.ingest import Kind
from tests.support.mis_exports import ANN, ctf_pupil, import_one, marks_in, write_ctf, year_data


def test_hash_sessions_are_skipped_and_counted_in_the_report(tmp_path, lake):
    # Saturday 07/09/2024 and Sunday 08/09/2024, then Monday 09/09/2024: a closed morning, no mark yet after.
    path = write_ctf(tmp_path, ctf_pupil(ANN, attendance=year_data("2024-09-07", "#####-")))

    outcome = import_one(lake, path)

    assert outcome.landed
    assert marks_in(lake) == [(ANN, dt.date(2024, 9, 9), "PM", "-")]
    (note,) = [note for note in outcome.report.notes.listed if note.kind is Kind.SKIPPED_SESSIONS]
    assert note.file == path.name
    assert note.message == "5 sessions marked # (no session) were skipped"
