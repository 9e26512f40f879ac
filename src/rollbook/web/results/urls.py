from django.urls import path

from rollbook.web.results import views

app_name = "results"
urlpatterns = [
    path("schools/<int:urn>/ks4/", views.ks4_headline, name="ks4_headline"),
    path("schools/<int:urn>/ks4/<slug:name>/", views.report_page, {"domain": "ks4"}, name="ks4_report"),
    path("schools/<int:urn>/subjects/", views.subjects_entries, name="subjects_entries"),
    path(
        "schools/<int:urn>/subjects/<slug:name>/",
        views.report_page,
        {"domain": "subjects"},
        name="subjects_report",
    ),
    path("schools/<int:urn>/insight/", views.insight, name="insight"),
    path(
        "schools/<int:urn>/insight/<slug:name>/",
        views.report_page,
        {"domain": "insight"},
        name="insight_report",
    ),
]
