from django.urls import path

from rollbook.web.imports import views

app_name = "imports"
IMPORTS = "schools/<int:urn>/imports/"
UPLOAD = f"{IMPORTS}uploads/<uuid:upload_id>/"
urlpatterns = [
    path(IMPORTS, views.imports, name="imports"),
    path(UPLOAD, views.upload, name="upload"),
    path(f"{UPLOAD}confirm/", views.confirm, name="confirm"),
    path(f"{UPLOAD}cancel/", views.cancel, name="cancel"),
    path(f"{IMPORTS}<int:import_id>/", views.detail, name="detail"),
    path(f"{IMPORTS}<int:import_id>/undo/", views.undo, name="undo"),
]
