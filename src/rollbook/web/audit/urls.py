from django.urls import path

from rollbook.web.audit import views

urlpatterns = [path("schools/<int:urn>/audit/", views.school_log, name="school_audit_log")]
