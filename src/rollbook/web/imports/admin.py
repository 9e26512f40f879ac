from django.contrib import admin

from rollbook.web.imports.models import ImportRecord
from rollbook.web.records_admin import RecordAdmin


@admin.register(ImportRecord)
class ImportRecordAdmin(RecordAdmin):
    list_display = ("finished", "school", "actor", "source", "outcome")
    list_filter = ("outcome", "source")
    readonly_fields = [field.name for field in ImportRecord._meta.fields]
