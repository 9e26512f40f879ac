from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "rollbook.web.privacy"
    label = "privacy"
    verbose_name = "Subject access and erasure"
