from django.contrib import admin

from rollbook.web.publishing.models import PublishingSchedule, ScheduledRun
from rollbook.web.records_admin import RecordAdmin


@admin.register(PublishingSchedule)
class PublishingScheduleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "enabled", "weekday", "at")

    def has_add_permission(self, request):
        return not PublishingSchedule.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(RecordAdmin):
    list_display = ("run_on", "data_to", "job")
