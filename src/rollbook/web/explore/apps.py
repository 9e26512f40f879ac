from django.apps import AppConfig


class ExploreConfig(AppConfig):
    name = "rollbook.web.explore"
    label = "explore"
