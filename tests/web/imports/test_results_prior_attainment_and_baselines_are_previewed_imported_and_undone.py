"""results.csv, prior.csv and baseline.csv go through the import page like any other files: the preview says
how many results would be added, changed and removed and how many pupils' prior attainment and baseline
scores, confirming lands them, the history lists them, and undoing the import takes them out again."""

from __future__ import annotations

from rollbook.lake import PartitionKey
from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import P1, P2, PAGE, PUPIL_COLUMNS, URN, table_rows, upload

FILES = {
    "pupils.csv": "\n".join(
        [PUPIL_COLUMNS, f"{P1},Sam,Lee,2009-03-01,M,11,11A,N,N,N,WBRI,2020-09-01,",
         f"{P2},Kit,Lee,2013-03-01,F,7,7A,N,N,N,WBRI,2024-09-02,", ""]
    ).encode(),
    "results.csv": f"upn,subject,qualification,grade\n{P1},Maths,GCSE,6\n{P1},English Lit,GCSE,5\n".encode(),
    "prior.csv": f"upn,ks2_reading,ks2_maths\n{P2},104,108\n".encode(),
    "baseline.csv": f"UPN,Baseline,Score\n{P1},CAT4 mean SAS,112\n{P2},CAT4 mean SAS,95\n".encode(),
}  # fmt: skip
RESULTS, BASELINES = PartitionKey("results", 2024, URN), PartitionKey("baselines", 2024, URN)


def test_they_are_previewed_landed_listed_and_undone(world):
    dora = world.client_for(world.dora)

    preview = dora.get(upload(dora, FILES)["Location"]).content.decode()

    assert "results 2 added, 0 changed, 0 removed; prior attainment 1 added" in preview
    assert table_rows(preview, "<caption>KS4 results</caption>") == [["2", "0", "0"]]
    assert table_rows(preview, "<caption>Pupils with KS2 prior attainment</caption>") == [["1", "0", "0"]]
    assert "; baseline scores 2 added, 0 updated, 0 unchanged" in preview
    assert table_rows(preview, "<caption>Pupils' baseline scores</caption>") == [["2", "0", "0"]]
    dora.post(f"{PAGE}uploads/{Upload.objects.get().pk}/confirm/")
    record = ImportRecord.objects.get(source="web")
    assert world.lake.read(RESULTS).num_rows == 2
    assert world.lake.read(BASELINES).num_rows == 2
    history = table_rows(dora.get(PAGE).content.decode(), "Import history")
    assert history[0][2] == "pupils.csv, results.csv, prior.csv, baseline.csv"
    assert ("Results: 2 added, 0 changed, 0 removed. Prior attainment: 1 added, 0 updated. Baseline scores: "
            "2 added, 0 updated") in history[0][3]  # fmt: skip

    dora.post(f"{PAGE}{record.pk}/undo/")

    assert world.lake.read(RESULTS) is None
    assert world.lake.read(PartitionKey("prior_attainment", 2024, URN)) is None
    assert world.lake.read(BASELINES) is None
