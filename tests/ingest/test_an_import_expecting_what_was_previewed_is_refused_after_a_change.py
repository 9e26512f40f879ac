"""An import told the state its preview saw is refused, changing nothing, when the school's data has
changed since: what it would change is no longer what was previewed."""

from rollbook.ingest import Kind
from tests.support.mis_exports import (
    ANN,
    URN,
    already_imported,
    csv_text,
    import_one,
    lake_files,
    the_refusal,
    write,
)


def test_a_change_after_the_preview_refuses_the_import(tmp_path, lake):
    already_imported(lake, tmp_path / "first")
    amendment = write(tmp_path, "marks.csv", csv_text("upn,date,session,code", f"{ANN},2024-09-04,AM,I"))
    preview = import_one(lake, amendment, school=URN, dry_run=True)
    other = write(
        tmp_path / "first", "marks.csv", csv_text("upn,date,session,code", f"{ANN},2024-09-05,AM,L")
    )
    assert import_one(lake, other, school=URN).partitions_written  # another import lands in between
    after_it = lake_files(lake)

    problem = the_refusal(import_one(lake, amendment, school=URN, expect=preview.lake_state))

    assert problem.kind is Kind.CHANGED_MEANWHILE
    assert "changed after these files were checked" in problem.message
    assert lake_files(lake) == after_it
