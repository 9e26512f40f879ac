from django.urls import path

from rollbook.web.jobs import publishing_views, views

urlpatterns = [
    path("jobs/<int:job_id>/", views.status, name="job-status"),
    path("operator/publishing/", publishing_views.publishing, name="publishing"),
    path("operator/publishing/now/", publishing_views.publish_now, name="publish_now"),
]
