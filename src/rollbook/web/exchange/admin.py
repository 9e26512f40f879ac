from django.contrib import admin

from rollbook.web.exchange.models import ExchangeToken
from rollbook.web.records_admin import RecordAdmin


@admin.register(ExchangeToken)
class ExchangeTokenAdmin(RecordAdmin):
    """Read-only: a school's data managers make and revoke tokens; the operator only sees them."""

    list_display = ("prefix", "name", "school", "created_by", "created", "last_used", "revoked")
    list_filter = ("school",)
    search_fields = ("prefix", "name")
    exclude = ("digest",)
    readonly_fields = [field.name for field in ExchangeToken._meta.fields if field.name != "digest"]
