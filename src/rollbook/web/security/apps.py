from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "rollbook.web.security"
    label = "security"
