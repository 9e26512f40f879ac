"""The admin for records of what happened (imports, erasures, background work, the audit trail) and for API
tokens: shown to the operator, never edited there."""

from django.contrib import admin


class RecordAdmin(admin.ModelAdmin):
    """Read-only: a record that could be edited would prove nothing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
