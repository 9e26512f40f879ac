"""The import pages hold no inline script, style or event handler, so a strict content security policy can
forbid them all."""

from __future__ import annotations

import re

from rollbook.web.imports.models import ImportRecord
from tests.support.uploads import AMENDMENT, PAGE, land_baseline, upload

INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def test_every_import_page(world, tmp_path, settings):
    land_baseline(tmp_path / "baseline")
    dora = world.client_for(world.dora)
    preview = upload(dora, AMENDMENT)["Location"]
    settings.ROLLBOOK_BACKGROUND_IMPORT_MB = 0
    in_background = upload(dora, AMENDMENT)["Location"]
    record = ImportRecord.objects.get()
    for address in (PAGE, preview, in_background, f"{PAGE}{record.pk}/", f"{PAGE}{record.pk}/undo/"):
        response = dora.get(address)
        assert response.status_code == 200, address
        assert INLINE.findall(response.content.decode()) == [], address
