from django.urls import path

from rollbook.web.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.home, name="home"),
    path("export/", views.export, name="export"),
    path("erase-pupil/", views.erase, {"kind": "pupil"}, name="erase_pupil"),
    path("erase-school/", views.erase, {"kind": "school"}, name="erase_school"),
    path("erasures/<int:pk>/", views.erasure, name="erasure"),
]
