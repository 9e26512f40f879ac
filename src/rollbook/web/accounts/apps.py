from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rollbook.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
