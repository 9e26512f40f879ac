from django.urls import path

from rollbook.web.results import views

app_name = "results"
urlpatterns = [
    path("schools/<int:urn>/ks4/", views.ks4_headline, name="ks4_headline"),
    path("schools/<int:urn>/ks4/<slug:name>/", views.ks4_report, name="ks4_report"),
]
