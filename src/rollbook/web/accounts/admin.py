from django.contrib import admin

from rollbook.web.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "school", "pupil_level", "created")
    list_filter = ("pupil_level",)
    autocomplete_fields = ("school",)
