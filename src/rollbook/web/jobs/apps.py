from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "rollbook.web.jobs"
    label = "jobs"
    verbose_name = "Background work"
