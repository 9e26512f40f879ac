"""When the school's data changes between the preview and the confirmation, confirming lands nothing: the
page says so and shows a new preview, made from the data as it now is, which can then be confirmed."""

from __future__ import annotations

from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import AMENDMENT, P1, PAGE, lake_data, land_baseline, marks_csv, upload


def test_a_change_after_the_preview_refuses_the_confirmation_and_previews_again(world, tmp_path):
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    address = upload(dora, AMENDMENT)["Location"]
    assert "marks 3 added, 2 changed, 2 removed" in dora.get(address).content.decode()
    # Meanwhile the operator imports P1's Friday 13/09: ill in the morning, and (not sent) no afternoon.
    land_baseline(tmp_path / "meanwhile", {"marks.csv": marks_csv((P1, "2024-09-13", "AM", "I"))})
    after_it = lake_data(world.lake)
    pending = Upload.objects.get()

    response = dora.post(f"{PAGE}uploads/{pending.pk}/confirm/", follow=True)

    page = response.content.decode()
    assert response.redirect_chain == [(address, 302)]
    assert "Nothing was imported: the school&#x27;s data changed after your preview" in page
    assert lake_data(world.lake) == after_it
    refused = ImportRecord.objects.get(source="web")
    assert refused.outcome == ImportRecord.REFUSED
    assert [problem["kind"] for problem in refused.problems["refusals"]["listed"]] == [
        "data changed meanwhile"
    ]
    # The new preview is made from the data as it now is: of P1's Friday only the morning is left to remove.
    assert "marks 3 added, 2 changed, 1 removed" in page
    assert Upload.objects.get().lake_state != pending.lake_state

    dora.post(f"{PAGE}uploads/{pending.pk}/confirm/")

    landed = ImportRecord.objects.filter(source="web").exclude(pk=refused.pk).get()
    assert landed.outcome == ImportRecord.LANDED
    assert lake_data(world.lake) != after_it
