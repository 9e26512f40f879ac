from django.contrib import admin

from rollbook.web.audit.models import AccessRecord


@admin.register(AccessRecord)
class AccessRecordAdmin(admin.ModelAdmin):
    """Read-only: an audit trail that could be edited would prove nothing."""

    list_display = ("at", "actor", "school", "what", "address")
    list_filter = ("school",)
    search_fields = ("actor", "what")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
