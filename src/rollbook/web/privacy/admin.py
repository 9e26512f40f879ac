from django.contrib import admin

from rollbook.web.privacy.models import ErasureRecord, SubjectAccessRecord
from rollbook.web.records_admin import RecordAdmin


@admin.register(ErasureRecord)
class ErasureRecordAdmin(RecordAdmin):
    list_display = ("at", "actor", "kind", "urn", "upn_hash", "finished")
    list_filter = ("kind",)
    search_fields = ("actor", "upn_hash", "urn", "reason")


@admin.register(SubjectAccessRecord)
class SubjectAccessRecordAdmin(RecordAdmin):
    list_display = ("at", "actor", "upn_hash")
    search_fields = ("actor", "upn_hash")
