from django.contrib import admin
from django.urls import include, path

from rollbook.web.api.reports import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("two-factor/", include("rollbook.web.twofactor.urls")),
    path("operator/privacy/", include("rollbook.web.privacy.urls")),
    path("", include("rollbook.web.audit.urls")),
    path("", include("rollbook.web.jobs.urls")),
    path("", include("rollbook.web.publishing.urls")),
    path("", include("rollbook.web.accounts.urls")),
    path("", include("rollbook.web.imports.urls")),
    path("", include("rollbook.web.exchange.urls")),
    path("", include("rollbook.web.explore.urls")),
    path("", include("rollbook.web.results.urls")),
    path("", include("rollbook.web.front.urls")),
]
