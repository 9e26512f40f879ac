"""Staff lists as a school's MIS exports them, for the import tests."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

#: A SIMS-style export: Claire has no email in the MIS; Adam already has an account.
SIMS_EXPORT = (
    "Title,Forename,Surname,Staff Code,Email,Role/Post\n"
    "Mr,Craig,Smith,CSM,,Teaching Assistant\n"
    "Ms,Claire,Jones,CJO,,Class Teacher\n"
    "Mr,George,Alexander,GAL,galexander@alder.sch.uk,Head of Maths Teacher\n"
    "Mr,Adam,Ash,AAS,adam@alder.sch.uk,Data Manager\n"
)


def staff_file(text: str, name: str = "staff.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def upload(client, text: str = SIMS_EXPORT, urn: int = 100001):
    return client.post(f"/schools/{urn}/users/import/", {"file": staff_file(text)})
