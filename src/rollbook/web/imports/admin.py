from django.contrib import admin

from rollbook.web.imports.models import ImportRecord


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    list_display = ("finished", "school", "actor", "source", "outcome")
    list_filter = ("outcome", "source")
    readonly_fields = [field.name for field in ImportRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
