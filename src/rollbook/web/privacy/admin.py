from django.contrib import admin

from rollbook.web.privacy.models import ErasureRecord, SubjectAccessRecord


class ReadOnly(admin.ModelAdmin):
    """Read-only: a record of an erasure or export that could be edited would prove nothing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ErasureRecord)
class ErasureRecordAdmin(ReadOnly):
    list_display = ("at", "actor", "kind", "urn", "upn_hash", "finished")
    list_filter = ("kind",)
    search_fields = ("actor", "upn_hash", "urn", "reason")


@admin.register(SubjectAccessRecord)
class SubjectAccessRecordAdmin(ReadOnly):
    list_display = ("at", "actor", "upn_hash")
    search_fields = ("actor", "upn_hash")
