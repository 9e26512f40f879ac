from django.contrib import admin

from rollbook.web.jobs.models import Job
from rollbook.web.records_admin import RecordAdmin


@admin.register(Job)
class JobAdmin(RecordAdmin):
    list_display = ("created", "kind", "school", "user", "status", "done", "total", "message")
    list_filter = ("kind", "status")
