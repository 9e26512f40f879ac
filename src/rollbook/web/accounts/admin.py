from django.contrib import admin

from rollbook.web.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "school_reports", "pupil_level", "manage_data", "created")
    list_filter = ("role", "pupil_level", "account_setup", "manage_data")
    search_fields = ("user__username", "user__email", "school__name", "trust__name", "local_authority__name")
    autocomplete_fields = ("school", "trust", "local_authority")
