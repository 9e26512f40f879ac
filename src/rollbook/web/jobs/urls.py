from django.urls import path

from rollbook.web.jobs import views

urlpatterns = [
    path("jobs/<int:job_id>/", views.status, name="job-status"),
]
