from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    name = "rollbook.web.twofactor"
    label = "twofactor"
