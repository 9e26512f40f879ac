from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from rollbook import output
from rollbook.web.audit.models import AccessRecord, export_rows
from rollbook.web.records_admin import RecordAdmin


@admin.register(AccessRecord)
class AccessRecordAdmin(RecordAdmin):
    """The operator exports the audit trail as CSV."""

    list_display = ("at", "kind", "actor", "school", "what", "address")
    list_filter = ("kind", "school")
    search_fields = ("actor", "what")
    actions = ["export_csv"]

    @admin.action(description="Download the selected records as CSV")
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = f"{timezone.localtime():%Y%m%d-%H%M%S}"
        response["Content-Disposition"] = f'attachment; filename="rollbook-audit-{stamp}.csv"'
        output.write_csv(list(export_rows(queryset.order_by("-at"))), response)
        return response
