"""baseline.csv goes through the import page like prior.csv: the preview counts the pupils' baseline scores
added, updated and unchanged, confirming lands them, the history lists them, and undo takes them out."""

from __future__ import annotations

from rollbook.lake import PartitionKey
from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import P1, P2, PAGE, PUPIL_COLUMNS, URN, table_rows, upload

FILES = {
    "pupils.csv": "\n".join(
        [PUPIL_COLUMNS, f"{P1},Sam,Lee,2009-03-01,M,11,11A,N,N,N,WBRI,2020-09-01,",
         f"{P2},Kit,Lee,2013-03-01,F,7,7A,N,N,N,WBRI,2024-09-02,", ""]
    ).encode(),
    "baseline.csv": f"UPN,Baseline,Score\n{P1},CAT4 mean SAS,112\n{P2},CAT4 mean SAS,95\n".encode(),
}  # fmt: skip
HELD = PartitionKey("baselines", 2024, URN)


def test_it_is_previewed_landed_listed_and_undone(world):
    dora = world.client_for(world.dora)

    preview = dora.get(upload(dora, FILES)["Location"]).content.decode()

    assert "baseline scores 2 added, 0 updated, 0 unchanged" in preview
    assert table_rows(preview, "<caption>Pupils' baseline scores</caption>") == [["2", "0", "0"]]
    dora.post(f"{PAGE}uploads/{Upload.objects.get().pk}/confirm/")
    record = ImportRecord.objects.get(source="web")
    assert sorted(row["upn"] for row in world.lake.read(HELD).to_pylist()) == sorted([P1, P2])
    history = table_rows(dora.get(PAGE).content.decode(), "Import history")
    assert history[0][2] == "pupils.csv, baseline.csv"
    assert "Baseline scores: 2 added, 0 updated" in history[0][3]

    dora.post(f"{PAGE}{record.pk}/undo/")

    assert world.lake.read(HELD) is None
