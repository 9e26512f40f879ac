"""Files with problems are refused whole: nothing changes, every problem is shown with its file, line and
what is wrong, the refusal is recorded in the history and the audit log, and the files are let go."""

from __future__ import annotations

from rollbook.web.audit.models import AccessRecord, Kind
from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import P1, P2, URN, lake_data, marks_csv, pupils_csv, upload

BROKEN = {
    "pupils.csv": pupils_csv((P1, "8A"), ("X123", "8A")),
    "marks.csv": marks_csv(
        (P1, "2024-09-09", "AM", "/"),
        (P1, "2024-09-09", "PM", "9"),
        (P1, "31/02/2024", "AM", "/"),
        (P2, "2024-09-10", "AM", "/"),
    ),
    "notes.txt": b"for the office\n",
}


def test_every_problem_is_named_and_nothing_changes(world):
    dora = world.client_for(world.dora)
    before = lake_data(world.lake)

    response = upload(dora, BROKEN)

    record = ImportRecord.objects.get()
    assert response["Location"] == f"/schools/{URN}/imports/uploads/{Upload.objects.get().pk}/"
    page = dora.get(response["Location"], follow=True).content.decode()
    assert "Nothing was imported: the files have the problems listed below." in page
    assert "refused with 5 problem(s); nothing was changed" in page
    for problem in (
        "notes.txt: not a CTF (.xml), pupils.csv or marks.csv",
        "pupils.csv, line 3, UPN X123: UPN &#x27;X123&#x27; has 4 characters, not 13",
        f"marks.csv, line 3, UPN {P1}, 09/09/2024: code &#x27;9&#x27; is not in the 2024 code set",
        f"marks.csv, line 4, UPN {P1}: &#x27;31/02/2024&#x27; is not a date",
        f"marks.csv, line 5, UPN {P2}, 10/09/2024: no pupil with this UPN is in the import",
    ):
        assert problem in page, problem
    assert lake_data(world.lake) == before
    assert (record.outcome, record.source, record.actor) == ("refused", "web", "dora")
    assert AccessRecord.objects.get(kind=Kind.IMPORT).what == (
        f"Import {record.pk} of pupils.csv, marks.csv, notes.txt: refused"
    )
    assert not Upload.objects.get().folder.exists()
