from django.contrib.auth import views as auth_views
from django.urls import path

from rollbook.web.front import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("schools/<int:urn>/", views.school_home, name="school_home"),
    path("schools/<int:urn>/attendance/", views.attendance_summary, name="attendance_summary"),
    path("schools/<int:urn>/attendance/<slug:name>/", views.attendance_report, name="attendance_report"),
    path("schools/<int:urn>/attendance/<slug:name>/about/", views.attendance_guide, name="attendance_guide"),
    path("assets/vega-<str:version>.js", views.chart_library, name="chart_library"),
]
