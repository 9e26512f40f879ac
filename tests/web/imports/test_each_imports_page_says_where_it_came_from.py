"""Each import's page says where it came from in words: uploaded on the page, sent by the sync API, imported
by the operator, built for the demo, an undo, or public data."""

from __future__ import annotations

import pytest
from django.utils import timezone

from rollbook.web.imports.models import ImportRecord
from tests.support.uploads import PAGE

SAID = {
    "web": "Uploaded on this page",
    "api": "Sent by the sync API",
    "cli": "Imported from the command line by the operator",
    "demo": "Built for the demo",
    "undo": "Undone on this page",
    "public-data": "Public data",
}


@pytest.mark.parametrize(("source", "words"), SAID.items())
def test_the_page_names_the_source(world, source, words):
    record = ImportRecord.objects.create(
        school=world.alder, actor="dora", source=source, outcome=ImportRecord.LANDED, started=timezone.now()
    )

    page = world.client_for(world.dora).get(f"{PAGE}{record.pk}/").content.decode()

    assert f"<dt>How</dt><dd>{words}</dd>" in page


def test_every_source_is_one_of_these():
    assert {source.value for source in ImportRecord.Source} == SAID.keys()
