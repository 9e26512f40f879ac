from django.contrib import admin

from rollbook.web.schools.models import HalfTermDates, LocalAuthority, School, Trust


class HalfTermDatesInline(admin.TabularInline):
    model = HalfTermDates
    extra = 0


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ("name", "urn", "dfe_number", "local_authority", "region", "phase", "school_type", "trust")
    search_fields = ("name", "urn")
    list_filter = ("region", "phase", "school_type")
    autocomplete_fields = ("trust",)
    inlines = [HalfTermDatesInline]


class SchoolInline(admin.TabularInline):
    model = School
    fields = ("urn", "name", "phase")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Trust)
class TrustAdmin(admin.ModelAdmin):
    list_display = ("name", "uid")
    search_fields = ("name", "uid")
    inlines = [SchoolInline]


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")
