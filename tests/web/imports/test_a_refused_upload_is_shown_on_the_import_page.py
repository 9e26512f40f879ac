"""An upload that cannot be imported is refused where the data manager sees it, and leaves nothing behind:
a name that is no file's (".", ".."), or too long for the file system (400 bytes), or files that could not
be written, are refused on the import page with a message; files Rollbook does not recognise are refused
in an import record the page lists and opens."""

from __future__ import annotations

import errno

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile

from rollbook.web.imports.models import ImportRecord, Upload
from tests.support.uploads import PAGE

MARKS = b"upn,date,session,code\n"
BOUNDARY = "upload-boundary"


def post(client, name: str, content: bytes = MARKS):
    return client.post(PAGE, {"files": [SimpleUploadedFile(name, content)]})


def post_as_a_browser(client, name: str):
    """A file as a browser sends it, whatever its name (the test client's own files must have a real one)."""
    body = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
        f"Content-Type: text/csv\r\n\r\n{MARKS.decode()}\r\n--{BOUNDARY}--\r\n"
    )
    kind = f"multipart/form-data; boundary={BOUNDARY}"
    return client.generic("POST", PAGE, body.encode(), content_type=kind)


def left_behind(data_dir) -> list[str]:
    folder = data_dir / "uploads"
    return [str(path) for path in folder.rglob("*")] if folder.exists() else []


@pytest.mark.parametrize("name", [".", ".."])
def test_a_file_named_dot_is_refused_on_the_page(world, data_dir, name):
    response = post_as_a_browser(world.client_for(world.dora), name)

    assert response.status_code == 400
    assert "No file was received: choose the files to import" in response.content.decode()
    assert not Upload.objects.exists() and not left_behind(data_dir)


def test_a_name_too_long_to_keep_is_refused_on_the_page(world, data_dir):
    response = post(world.client_for(world.dora), "é" * 198 + ".csv")

    said = "has a name of 400 bytes, longer than the 200 a file may have here: rename it, shorter"
    assert response.status_code == 400 and said in response.content.decode()
    assert not Upload.objects.exists() and not left_behind(data_dir)


def test_files_that_cannot_be_written_leave_nothing_behind(world, data_dir, monkeypatch):
    def disk_full(self, chunk_size=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(InMemoryUploadedFile, "chunks", disk_full)

    response = post(world.client_for(world.dora), "marks.csv")

    assert response.status_code == 400
    assert "could not be kept to be checked (No space left on device)" in response.content.decode()
    assert not Upload.objects.exists() and not left_behind(data_dir)


def test_files_it_does_not_recognise_are_refused_in_a_record_the_page_opens(world):
    dora = world.client_for(world.dora)

    shown = dora.get(post(dora, "notes.txt")["Location"], follow=True)

    record = ImportRecord.objects.get()
    assert (record.school, record.outcome) == (world.alder, ImportRecord.REFUSED)
    assert shown.status_code == 200 and "not a CTF (.xml), pupils.csv or marks.csv" in shown.content.decode()
    assert f'href="{PAGE}{record.pk}/"' in dora.get(PAGE).content.decode()
