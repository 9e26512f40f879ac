"""Uploading files shows the checks' report and what importing them would change, counted by hand below;
confirming lands exactly that, and the uploaded files are let go."""

from __future__ import annotations

from pathlib import Path

from rollbook.lake import PartitionKey
from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import AMENDMENT, P1, P2, P3, URN, lake_data, land_baseline, upload


def cells(page: str, heading: str) -> str:
    """The row of a table headed `heading`, with its tags and spaces squeezed out, for comparing counts."""
    row = page.split(f'<th scope="row">{heading}</th>', 1)[1].split("</tr>", 1)[0]
    return "|".join(part.split(">")[-1] for part in row.split("</td>") if ">" in part)


def test_the_preview_counts_what_would_change_and_confirming_lands_it(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    before = lake_data(world.lake)

    response = upload(dora, AMENDMENT)

    upload_row = Upload.objects.get()
    assert (
        response.status_code == 302
        and response["Location"] == f"/schools/{URN}/imports/uploads/{upload_row.pk}/"
    )
    page = dora.get(response["Location"]).content.decode()
    assert "Check what the import would change" in page
    assert "pupils 1 added, 1 updated, 1 unchanged; marks 3 added, 2 changed, 2 removed" in page
    assert cells(page, "09/09/2024") == "0|2|2"
    assert cells(page, "16/09/2024") == "3|0|0"
    assert "No problems found." in page
    assert lake_data(world.lake) == before  # the preview wrote nothing
    assert all(path.exists() for path in upload_row.paths())

    confirmed = dora.post(f"/schools/{URN}/imports/uploads/{upload_row.pk}/confirm/")

    record = ImportRecord.objects.get(source="web")
    assert confirmed["Location"] == f"/schools/{URN}/imports/{record.pk}/"
    assert (record.outcome, record.user, record.files) == ("landed", world.dora, ["pupils.csv", "marks.csv"])
    assert record.changes["counts"] == {
        "pupils_added": 1, "pupils_updated": 1, "pupils_unchanged": 1, "pupils_removed": 0,
        "marks_added": 3, "marks_changed": 2, "marks_removed": 2, "results_added": 0, "results_changed": 0,
        "results_removed": 0, "prior_added": 0, "prior_updated": 0, "prior_unchanged": 0, "baseline_added": 0,
        "baseline_updated": 0, "baseline_unchanged": 0,
    }  # fmt: skip
    pupils = {row["upn"]: row for row in world.lake.read(PartitionKey("pupils", 2024, URN)).to_pylist()}
    assert (pupils[P1]["reg_group"], pupils[P2]["reg_group"], P3 in pupils) == ("8B", "8A", True)
    marks = world.lake.read(PartitionKey("marks", 2024, URN)).to_pylist()
    assert sorted(m["code"] for m in marks if m["upn"] == P1 and str(m["date"]) >= "2024-09-12") == [
        "/",
        "I",
        "I",
    ]
    assert not Path(upload_row.paths()[0]).parent.parent.exists()
    assert dora.get(f"/schools/{URN}/imports/uploads/{upload_row.pk}/")["Location"] == confirmed["Location"]
