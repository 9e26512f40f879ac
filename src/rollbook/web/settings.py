"""Django settings, from the environment (see rollbook.config and the README)."""

from __future__ import annotations

import os

import dj_database_url

from rollbook import config

DATA_DIR = config.data_dir()
DEBUG = os.environ.get("ROLLBOOK_DEBUG", "") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY", "rollbook-development-key-not-for-production")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # so the API's docs page uses its bundled, locally served assets
    "django_htmx",  # htmx itself, served from our own static files
    "rollbook.web.schools",
    "rollbook.web.accounts",
    "rollbook.web.imports",
    "rollbook.web.audit",
    "rollbook.web.privacy",
    "rollbook.web.front",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rollbook.web.audit.middleware.RequestForAudit",  # so permission changes record who made them
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "rollbook.web.urls"
WSGI_APPLICATION = "rollbook.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'rollbook.sqlite3'}"), conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
#: Serve static files straight from the apps, so the demo and tests need no collectstatic step.
WHITENOISE_USE_FINDERS = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
#: Invitations and password resets. The console backend prints each email; EMAIL_BACKEND
#: "django.core.mail.backends.smtp.EmailBackend" hands them to the mail server on this machine (port 25).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Rollbook <rollbook@localhost>")
