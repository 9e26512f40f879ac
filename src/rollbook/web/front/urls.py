from django.urls import path

from rollbook.web.front import views

urlpatterns = [
    path("", views.home, name="home"),
]
