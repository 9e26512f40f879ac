from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "rollbook.web.audit"
    label = "audit"
    verbose_name = "Access audit"

    def ready(self):
        from rollbook.web.audit import signals  # noqa: F401  (connects the receivers)
