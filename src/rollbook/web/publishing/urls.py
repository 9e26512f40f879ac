from django.urls import path

from rollbook.web.publishing import views

urlpatterns = [
    path("operator/publishing/", views.publishing, name="publishing"),
    path("operator/publishing/now/", views.publish_now, name="publish_now"),
]
