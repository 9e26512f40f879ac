from django.contrib import admin

from rollbook.web.schools.models import HalfTermDates, School


class HalfTermDatesInline(admin.TabularInline):
    model = HalfTermDates
    extra = 0


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ("name", "urn", "dfe_number", "local_authority", "region", "phase")
    search_fields = ("name", "urn")
    list_filter = ("region", "phase")
    inlines = [HalfTermDatesInline]
