from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "rollbook.web.exchange"
    label = "exchange"
    verbose_name = "Data exchange"
