from django.urls import path

from rollbook.web.explore import operator, views

app_name = "explore"
urlpatterns = [
    path("explore/", views.schools, name="schools"),
    path("explore/scatter/", views.scatter, name="scatter"),
    path("explore/map/", views.school_map, name="map"),
    path("explore/trends/", views.trends_page, name="trends"),
    path("explore/ofsted/", views.ofsted, name="ofsted"),
    path("explore/similar/", views.similar, name="similar"),
    path("operator/public-data/", operator.public_data, name="public_data"),
]
