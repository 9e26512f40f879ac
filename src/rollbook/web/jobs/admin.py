from django.contrib import admin

from rollbook.web.jobs.models import Job, PublishingSchedule, ScheduledRun
from rollbook.web.records_admin import RecordAdmin


@admin.register(PublishingSchedule)
class PublishingScheduleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "enabled", "weekday", "at")

    def has_add_permission(self, request):
        return not PublishingSchedule.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Job)
class JobAdmin(RecordAdmin):
    list_display = ("created", "kind", "school", "user", "status", "done", "total", "message")
    list_filter = ("kind", "status")


@admin.register(ScheduledRun)
class ScheduledRunAdmin(RecordAdmin):
    list_display = ("run_on", "data_to", "job")
