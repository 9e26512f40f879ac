"""A dry run checks and plans an import without writing: it counts the marks it would add, change and
remove in each week, and the import then lands exactly those changes."""

import datetime as dt

from rollbook.ingest.merge import WeekCounts
from tests.support.mis_exports import ANN, BEN, URN, already_imported, csv_text, import_one, lake_files, write


def test_a_dry_run_counts_by_week_commencing_and_the_import_matches_it(tmp_path, lake):
    before = already_imported(lake, tmp_path / "first")  # ANN and BEN present every session, 02/09 to 06/09
    amendment = write(
        tmp_path,
        "marks.csv",
        csv_text(
            "upn,date,session,code",
            # ANN from Wednesday 04/09 to Tuesday 10/09: Wednesday morning ill (was present: changed);
            # Wednesday afternoon to Friday not sent (5 sessions removed); 09/09 AM and all 10/09 added.
            f"{ANN},2024-09-04,AM,I",
            f"{ANN},2024-09-09,AM,/",
            f"{ANN},2024-09-10,AM,/",
            f"{ANN},2024-09-10,PM,\\",
            # BEN on Monday 09/09 only: added.
            f"{BEN},2024-09-09,AM,O",
        ),
    )

    preview = import_one(lake, amendment, school=URN, dry_run=True)

    assert preview.previewed and not preview.landed
    assert lake_files(lake) == before
    assert preview.weeks == {
        dt.date(2024, 9, 2): WeekCounts(added=0, changed=1, removed=5),
        dt.date(2024, 9, 9): WeekCounts(added=4, changed=0, removed=0),
    }
    assert (preview.counts.marks_added, preview.counts.marks_changed, preview.counts.marks_removed) == (
        4,
        1,
        5,
    )
    assert "would change" in preview.summary() and "nothing has been written" in preview.summary()

    landed = import_one(lake, amendment, school=URN, expect=preview.lake_state)

    assert landed.landed
    assert (landed.counts, landed.weeks, landed.planned) == (preview.counts, preview.weeks, preview.planned)
