"""The import pages of a school are for whoever manages its data there. To anyone else, signed in, they do
not exist; nor does one school's import or upload under another school's address."""

from __future__ import annotations

from django.utils import timezone

from rollbook.web.accounts.models import Membership
from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import PAGE


def addresses(urn: int, record: ImportRecord, upload: Upload) -> list[str]:
    page = f"/schools/{urn}/imports/"
    return [page, f"{page}{record.pk}/", f"{page}{record.pk}/undo/", f"{page}uploads/{upload.pk}/"]


def made_for(school, user) -> tuple[ImportRecord, Upload]:
    record = ImportRecord.objects.create(
        school=school, actor="cli:operator", files=["x.xml"], outcome="landed", started=timezone.now()
    )
    upload = Upload.objects.create(
        school=school, user=user, files=["marks.csv"], size=1, status=Upload.READY, preview={"summary": "ok"}
    )
    return record, upload


def test_only_data_managers_of_the_school_reach_its_import_pages(world):
    alder = made_for(world.alder, world.dora)
    for address in addresses(world.alder.urn, *alder):
        assert world.client_for(world.dora).get(address).status_code == 200, address
        for user in (world.alice, world.pam, world.bob, world.trudy, world.lara, world.carol, world.operator):
            client = world.client_for(user)
            assert client.get(address).status_code == 404, (user, address)
            assert client.post(address).status_code in (404, 405), (user, address)
    upload = alder[1]
    for action in ("confirm", "cancel"):
        assert world.client_for(world.bob).post(f"{PAGE}uploads/{upload.pk}/{action}/").status_code == 404
    assert Upload.objects.filter(pk=upload.pk, status=Upload.READY).exists()


def test_one_schools_imports_are_not_found_under_anothers_address(world):
    Membership.objects.filter(user=world.bob).update(manage_data=True)
    birch = made_for(world.birch, world.bob)
    alder = made_for(world.alder, world.dora)
    bob, dora = world.client_for(world.bob), world.client_for(world.dora)
    for ours, theirs, client, urn in (
        (birch, alder, bob, world.birch.urn),
        (alder, birch, dora, world.alder.urn),
    ):
        assert all(client.get(address).status_code == 200 for address in addresses(urn, *ours))
        for address in addresses(urn, *theirs)[1:]:
            assert client.get(address).status_code == 404, address
            assert client.post(address).status_code == 404, address
    assert "Alder" not in bob.get(f"/schools/{world.birch.urn}/imports/").content.decode()
