from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "rollbook.web.results"
    label = "results"
