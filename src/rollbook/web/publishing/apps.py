from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "rollbook.web.publishing"
    label = "publishing"
    verbose_name = "Publishing comparators"
