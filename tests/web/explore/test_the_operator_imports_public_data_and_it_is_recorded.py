"""The operator uploads public data files: a refused import changes nothing and shows the problems by file,
line and column; a good one lands; both are in the import history with no school. Nobody else finds the
page."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from rollbook.analytics.public.sources import public_store
from rollbook.web.imports.models import ImportRecord

GOOD = b"URN,Rating\n100049,2\n100050,Outstanding\n"
BAD = b"URN,Rating\n100049,Excellent\n"


def upload(client, content: bytes, year: str = "2019"):
    files = SimpleUploadedFile("ofsted_ratings.csv", content, content_type="text/csv")
    return client.post("/operator/public-data/", {"files": files, "year": year}, follow=True)


def test_a_refused_import_changes_nothing_and_says_where(world):
    page = upload(world.client_for(world.operator), BAD).content.decode()
    assert "ofsted_ratings.csv, line 2, column Rating: &#x27;Excellent&#x27; is not an Ofsted grade" in page
    assert public_store().years() == []
    record = ImportRecord.objects.get()
    assert (record.source, record.school, record.outcome) == (
        ImportRecord.Source.PUBLIC_DATA,
        None,
        ImportRecord.REFUSED,
    )


def test_a_good_import_lands_and_is_recorded(world):
    page = upload(world.client_for(world.operator), GOOD).content.decode()
    assert "Loaded public data for 2019: ofsted_ratings.csv: ofsted, 2 rows." in page
    assert public_store().held(2019)["ofsted"].rows == 2
    record = ImportRecord.objects.get()
    assert (record.outcome, record.user, record.file_names) == (ImportRecord.LANDED, world.operator,
                                                                 ["ofsted_ratings.csv"])  # fmt: skip


def test_nobody_else_finds_the_page(world):
    for user in (world.alice, world.dora, world.carol):
        assert world.client_for(user).get("/operator/public-data/").status_code == 404
        assert upload(world.client_for(user), GOOD).status_code == 404
    assert not ImportRecord.objects.exists()
