from django.contrib import admin

from rollbook.web.accounts.models import Invitation, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "school_reports", "pupil_level", "manage_data", "created")
    list_filter = ("role", "pupil_level", "account_setup", "manage_data")
    search_fields = ("user__username", "user__email", "school__name", "trust__name", "local_authority__name")
    autocomplete_fields = ("school", "trust", "local_authority")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Seen, not edited: a code is only ever made by inviting someone from their school's users pages."""

    list_display = ("user", "school", "invited_by", "sent", "expires", "accepted")
    search_fields = ("user__username", "user__email", "school__name")
    readonly_fields = [field.name for field in Invitation._meta.fields]

    def has_add_permission(self, request):
        return False
