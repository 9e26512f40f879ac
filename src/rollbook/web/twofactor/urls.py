from django.urls import path

from rollbook.web.twofactor import views

app_name = "twofactor"
urlpatterns = [
    path("", views.setup, name="setup"),
    path("code/", views.verify, name="verify"),
    path("remove/", views.remove, name="remove"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]
