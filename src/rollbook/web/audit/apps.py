from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "rollbook.web.audit"
    label = "audit"
    verbose_name = "Access audit"
