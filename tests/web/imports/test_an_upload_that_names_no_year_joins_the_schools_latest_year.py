"""pupils.csv uploaded alone joins the latest academic year the school's data holds (Alder's 2024/25 in the
web world), not the year of the machine's clock; the page's academic year sends it to another year."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from rollbook.lake import PartitionKey
from rollbook.web.imports.models import Upload
from tests.support.uploads import P1, PAGE, URN, pupils_csv


def upload_and_confirm(client, **choices: str) -> None:
    client.post(PAGE, {"files": [SimpleUploadedFile("pupils.csv", pupils_csv((P1, "8A")))], **choices})
    pending = Upload.objects.get(status=Upload.READY)
    client.post(f"{PAGE}uploads/{pending.pk}/confirm/")


def upns_in(world, year: int) -> list[str]:
    return world.lake.read(PartitionKey("pupils", year, URN)).column("upn").to_pylist()


def test_it_joins_the_schools_latest_year(world):
    upload_and_confirm(world.client_for(world.dora))

    assert world.lake.academic_years(URN) == [2024] and P1 in upns_in(world, 2024)


def test_the_year_chosen_on_the_page_is_the_one_it_joins(world):
    upload_and_confirm(world.client_for(world.dora), academic_year="2023")

    assert world.lake.academic_years(URN) == [2023, 2024] and upns_in(world, 2023) == [P1]
