"""The import page lists the school's imports, newest first: when, who, which files, what changed and the
outcome (landed, refused or undone); each links to its report."""

from __future__ import annotations

from django.utils import timezone

from rollbook.web.imports.models import ImportRecord
from tests.support.uploads import AMENDMENT, P1, PAGE, confirm, land_baseline, marks_csv, table_rows, upload


def when(record: ImportRecord) -> str:
    return f"{timezone.localtime(record.finished):%d/%m/%Y %H:%M}"


def test_each_import_is_listed_with_who_when_what_and_its_outcome(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    confirm(dora, AMENDMENT)
    upload(dora, {"marks.csv": marks_csv((P1, "2024-09-16", "PM", "9"))})
    landed = ImportRecord.objects.get(source="web", outcome=ImportRecord.LANDED)
    dora.post(f"{PAGE}{landed.pk}/undo/")
    baseline, undone, refused, undo = ImportRecord.objects.order_by("finished")

    page = dora.get(PAGE).content.decode()

    assert table_rows(page, "Import history") == [
        [
            f"{when(undo)} : the report", "dora", "pupils.csv, marks.csv", f"Undid import of {when(undone)}",
            "Landed",
        ],
        [f"{when(refused)} : the report", "dora", "marks.csv", "Nothing", "Refused"],
        [
            f"{when(undone)} : the report", "dora", "pupils.csv, marks.csv",
            "Pupils: 1 added, 1 updated. Marks: 3 added, 2 changed, 2 removed", "Undone",
        ],
        [
            f"{when(baseline)} : the report", "cli:operator", "pupils.csv, marks.csv",
            "Pupils: 2 added, 0 updated. Marks: 20 added, 0 changed, 0 removed", "Landed",
        ],
    ]  # fmt: skip
    for record in (baseline, undone, refused, undo):
        assert f'href="{PAGE}{record.pk}/"' in page
    report = dora.get(f"{PAGE}{refused.pk}/").content.decode()
    assert "Import of " + when(refused) + ": refused" in report
    assert (
        f"marks.csv, line 2, UPN {P1}, 16/09/2024: code &#x27;9&#x27; is not in the 2024 code set" in report
    )
