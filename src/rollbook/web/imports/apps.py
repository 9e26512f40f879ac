from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "rollbook.web.imports"
    label = "imports"
    verbose_name = "Imports"
