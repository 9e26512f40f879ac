"""Django settings, from the environment (see rollbook.config and the README).

Development values by default. With ROLLBOOK_PRODUCTION=1 the secret key and host names must come from the
environment, and every cookie and header is set for a site served only over HTTPS.
"""

from __future__ import annotations

import datetime as dt
import re

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from rollbook import config

DATA_DIR = config.data_dir()
PRODUCTION = config.flag("ROLLBOOK_PRODUCTION")
DEBUG = config.flag("ROLLBOOK_DEBUG")
DEVELOPMENT_SECRET_KEY = "rollbook-development-key-not-for-production"
SECRET_KEY = config.text("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = [
    host.strip()
    for host in config.text("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if host.strip()
]


def refuse_unsafe_production() -> None:
    """Stop before serving anything when production would run on a guessable key or any host name."""
    problems = []
    if not config.text("SECRET_KEY"):
        problems.append("SECRET_KEY is not set: set it to a long random value kept secret")
    elif SECRET_KEY == DEVELOPMENT_SECRET_KEY:
        problems.append("SECRET_KEY is the development key, which is public: set a long random value")
    if not config.text("ALLOWED_HOSTS"):
        problems.append("ALLOWED_HOSTS is not set: set the site's host names, comma-separated")
    if problems:
        raise ImproperlyConfigured(
            "Rollbook refuses to start with ROLLBOOK_PRODUCTION=1: " + "; ".join(problems) + "."
        )


if PRODUCTION:
    refuse_unsafe_production()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # so the API's docs page uses its bundled, locally served assets
    "django_htmx",  # htmx itself, served from our own static files
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # backup codes, for when the phone is lost
    "django_tasks",
    "django_tasks_db",
    "rollbook.web.schools",
    "rollbook.web.accounts",
    "rollbook.web.imports",
    "rollbook.web.exchange",
    "rollbook.web.jobs",
    "rollbook.web.publishing",
    "rollbook.web.audit",
    "rollbook.web.privacy",
    "rollbook.web.front",
    "rollbook.web.results",
    "rollbook.web.explore",
    "rollbook.web.security",
    "rollbook.web.twofactor",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "rollbook.web.security.caching.NoStore",  # outside all but the static files, so every page is covered
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rollbook.web.audit.middleware.RequestForAudit",  # so permission changes record who made them
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "rollbook.web.twofactor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
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
        config.text("DATABASE_URL", f"sqlite:///{DATA_DIR / 'rollbook.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    #: Write-ahead logging: an audit record's commit (every pupil-level read writes one) then neither
    #: blocks the other server processes' reads nor waits on a journal file made and synced per write;
    #: each commit is still synced to disk (FULL), so no record is lost to a power cut.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"}
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
EMAIL_BACKEND = config.text("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = config.text("DEFAULT_FROM_EMAIL", "Rollbook <rollbook@localhost>")

# -- imports ---------------------------------------------------------------------------------------------

#: Uploads larger than this many MB, all files together, are checked and imported by `rollbook worker`,
#: with progress shown on the page; smaller ones while the page waits.
ROLLBOOK_BACKGROUND_IMPORT_MB = config.whole_number("ROLLBOOK_BACKGROUND_IMPORT_MB", 5)
#: How many of each school's latest imports can be undone: the lake keeps what each of them replaced.
ROLLBOOK_UNDO_VERSIONS = config.whole_number("ROLLBOOK_UNDO_VERSIONS", 10)

# -- background work -------------------------------------------------------------------------------------

#: Large imports and publishing run in `rollbook worker`, which takes tasks from the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# -- caches ----------------------------------------------------------------------------------------------

#: "reports" keeps each report's answer, keyed by the school's lake files, the snapshot and the question
#: (so it is never stale), shared by every server process: on disk in the data folder by default, in
#: Redis when ROLLBOOK_CACHE_URL names one (redis://host:6379/0), which then also holds the default cache
#: (the sync API's rate limit), so several processes and machines count together.
CACHE_URL = config.text("ROLLBOOK_CACHE_URL")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise config.ConfigurationError(f"ROLLBOOK_CACHE_URL must be a redis:// address, not {CACHE_URL!r}")
REPORT_CACHE_ENTRIES = config.whole_number("ROLLBOOK_REPORT_CACHE_ENTRIES", 5000, minimum=1)
if CACHE_URL:
    _REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    CACHES = {"default": _REDIS, "reports": {**_REDIS, "KEY_PREFIX": "reports", "TIMEOUT": 7 * 24 * 3600}}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "reports": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache" / "reports"),
            "TIMEOUT": 7 * 24 * 3600,
            "OPTIONS": {"MAX_ENTRIES": REPORT_CACHE_ENTRIES},
        },
    }

# -- the sync API (docs/exchange.md) ---------------------------------------------------------------------

#: The largest sync request taken, in bytes as sent; a gzip-compressed one may expand to 20 times this.
ROLLBOOK_EXCHANGE_MAX_BYTES = config.whole_number("ROLLBOOK_EXCHANGE_MAX_BYTES", 5 * 1024 * 1024)
#: Requests per API token, as django-ratelimit writes a rate: 60/m is sixty a minute; 1000/h, a thousand an
#: hour. Counted in Django's default cache: each process's own memory, or Redis with ROLLBOOK_CACHE_URL.
ROLLBOOK_EXCHANGE_RATE = config.text("ROLLBOOK_EXCHANGE_RATE", "60/m")
if not re.fullmatch(r"\d+/\d*[smhd]", ROLLBOOK_EXCHANGE_RATE):
    raise config.ConfigurationError(
        "ROLLBOOK_EXCHANGE_RATE must be a count per period, such as 60/m or 1000/h, "
        f"not {ROLLBOOK_EXCHANGE_RATE!r}"
    )

# -- passwords and signing in ---------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

#: django-axes first, so a locked-out sign-in is refused before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rollbook.web.accounts.backends.AnyCaseUsernameBackend",
]
#: Password guessing is locked out per username and address. Off by default only while pytest runs, since
#: Django's test Client.login() authenticates without a request; the lockout tests turn it back on.
AXES_ENABLED = config.flag("ROLLBOOK_LOGIN_LOCKOUT", default=not config.text("PYTEST_VERSION"))
AXES_FAILURE_LIMIT = config.whole_number("ROLLBOOK_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=config.whole_number("ROLLBOOK_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "rollbook.web.security.lockout.locked_out"
AXES_USERNAME_CALLABLE = "rollbook.web.security.lockout.username"
#: Behind one reverse proxy, every request comes from the proxy: read the address it forwards.
BEHIND_PROXY = config.flag("ROLLBOOK_BEHIND_PROXY")
AXES_CLIENT_IP_CALLABLE = "rollbook.web.security.clients.client_address"

#: Two-factor sign-in (django-otp): the issuer names the site in the user's authenticator app.
OTP_TOTP_ISSUER = "Rollbook"
#: The admin shows neither authenticator keys nor backup codes, even to the operator.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
#: Whoever may see pupils' names must set up two-factor sign-in before anything else, when the operator asks.
ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL = config.flag("ROLLBOOK_REQUIRE_2FA_FOR_PUPIL_LEVEL")

# -- browsers: sessions, cookies, headers ----------------------------------------------------------------

#: A school day: a shared staffroom computer does not stay signed in overnight.
SESSION_COOKIE_AGE = config.whole_number("ROLLBOOK_SESSION_HOURS", 10) * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    #: Off only when a proxy in front already sends plain-HTTP visitors to HTTPS.
    SECURE_SSL_REDIRECT = config.flag("ROLLBOOK_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if BEHIND_PROXY:
    #: The proxy terminates TLS and says so in this header; it must overwrite any the visitor sent.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

#: Everything a page loads comes from this site: no script, style, font or image from anywhere else, no
#: inline script or style sheet and no eval (the charts' script asks vega-embed for its expression
#: interpreter, `ast: true`, and vega-embed and vega-tooltip for no style sheets: site.css has their rules).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOG_LEVEL = config.choice(
    "ROLLBOOK_LOG_LEVEL", ("debug", "info", "warning", "error", "critical"), "warning"
).upper()

# -- logs -------------------------------------------------------------------------------------------------

#: One console handler for everything, passing every record through a filter that blanks UPNs, so no log
#: line (a request path, a query string, an error's message or traceback) ever names a pupil.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_upns": {"()": "rollbook.web.security.logs.RedactUPNs"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_upns"], "formatter": "plain"}
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
