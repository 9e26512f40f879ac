from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "rollbook.web.front"
    label = "front"
