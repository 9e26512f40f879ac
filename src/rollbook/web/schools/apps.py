from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "rollbook.web.schools"
    label = "schools"
    verbose_name = "Schools"
