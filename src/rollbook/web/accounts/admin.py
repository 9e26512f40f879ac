from django.contrib import admin

from rollbook.web.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "school", "created")
    autocomplete_fields = ("school",)
