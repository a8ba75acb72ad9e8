"""Settings shared by every environment: safe for production, configured by environment variables."""

import os
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import capfirst

from connect_site.settings import services

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable; anything unrecognised is an error, not a silent False."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list, dropping blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    """Read a whole-number environment variable; anything else is an error naming the variable."""
    value = os.environ.get(name) or str(default)
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.")
    return int(value)


def env_languages(name, default):
    """Read a comma-separated environment variable of language codes into Django's LANGUAGES,
    each named in its own language; a code Django does not know is an error naming it."""
    codes = [code.lower() for code in env_list(name) or default.split(",")]
    unknown = [code for code in codes if "name_local" not in LANG_INFO.get(code, {})]
    if unknown:
        raise ImproperlyConfigured(
            f"{name} names {', '.join(map(repr, unknown))}, not a language code Django knows "
            "(see django/conf/locale/__init__.py, e.g. en, fr, ar, pa, ta, es, zh-hans)."
        )
    if len(set(codes)) < len(codes):
        raise ImproperlyConfigured(f"{name} names a language twice: {','.join(codes)}.")
    # Capitalised as a heading of its own (Français), whatever a sentence does.
    return [(code, capfirst(LANG_INFO[code]["name_local"])) for code in codes]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "connect_site",
    "cms",
    # The organisation's name and logo in the admin: before wagtail.admin, whose templates it extends.
    "cms.branding",
    "home",
    "programs",
    "resources",
    "contact",
    "partners",
    "accounts",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "wagtail_headless_preview",
    "modelcluster",
    "taggit",
    # django-ninja's own static files: the API docs page uses them instead of a CDN.
    "ninja",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    # The task queue in the database, which `manage.py db_worker --backend webhooks` runs.
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.api.cors.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
    # Before the answer cache: the language (from the address's /en/ or /fr/, else the browser's
    # preference) is part of every cached answer's key.
    "cms.middleware.LocaleMiddleware",
    # Before the answer cache: a refused API token is answered 401 (accounts/api_tokens.py).
    "accounts.api_tokens.APITokenRulesMiddleware",
    "cms.caching.AnswerCacheMiddleware",
    "cms.api.errors.APIQueryGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After the password, the code (or setting it up, for roles that need it): admin only.
    "accounts.middleware.TwoStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "connect_site.urls"
WSGI_APPLICATION = "connect_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": services.database(BASE_DIR / "db.sqlite3")}
CACHES = services.caches(os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL"))
# How long parts of answers (menu, footer, listing entries) are kept; any content change renews
# them sooner (cms.caching).
PEER_SUPPORT_FRAGMENT_CACHE_TIMEOUT = int(os.environ.get("FRAGMENT_CACHE_TIMEOUT", "3600"))
# Whole pages and API answers for anonymous visitors (cms.caching), renewed at once on any
# content change; 0 turns that cache off. Browsers and proxies may reuse a page for PEER_SUPPORT_PAGE_CACHE_MAX_AGE.
PEER_SUPPORT_PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 300)
PEER_SUPPORT_PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site's languages, each with its own address prefix (/en/, /fr/, /ar/); the first is the
# original, which pages not translated yet show in.
LANGUAGES = env_languages("CONTENT_LANGUAGES", "en,fr")
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation stays a draft until someone publishes their French: meanwhile the French site
# shows the English page, marked as not translated yet (wagtail-localize would put the untranslated
# copy live at once, its English text marked as French).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["connect_site.formats"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": services.media_storage(
        os.environ.get("AWS_STORAGE_BUCKET_NAME"),
        signed_urls=env_bool("AWS_QUERYSTRING_AUTH", True),
    ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Peer support site")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]

WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Unset, API links use the site's root URL (Settings → Sites); set it when behind a proxy.
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL") or None
WAGTAILAPI_LIMIT_MAX = 100
# How long browsers and proxies may reuse an anonymous API answer before asking again (ETag).
PEER_SUPPORT_API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))

# How long an API token (Settings → API tokens) works after it is made, in days (accounts/api_tokens.py).
API_TOKEN_MAX_AGE_DAYS = env_int("API_TOKEN_MAX_AGE_DAYS", 90)

# Previewing drafts in an external front end: set its address to offer "External front end" beside
# the usual preview. It gets ?content_type=…&token=… and fetches /api/v3/preview/ with them.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL} if HEADLESS_PREVIEW_URL else {},
    "ENFORCE_TRAILING_SLASH": False,
}
# How long a preview token works, in seconds.
PEER_SUPPORT_HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))

# CORS, for the API only: the content is public, so any site may read it anonymously, unless
# CORS_ALLOWED_ORIGINS names the only sites that may. Cookies never go cross-origin.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag"]
CORS_PREFLIGHT_MAX_AGE = 86400
# The visitor forms' posts (contact.api) from a browser: only from these sites' front ends, e.g.
# https://www.example.org (cms.api.cors). Without any, only servers and this site post.
PEER_SUPPORT_FORMS_API_ALLOWED_ORIGINS = env_list("FORMS_API_ALLOWED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Shown on the error page when the site's own settings cannot be read (e.g. the database is down).
PEER_SUPPORT_CRISIS_NOTICE_FALLBACK = {
    "crisis_notice": os.environ.get(
        "CRISIS_NOTICE_FALLBACK",
        "In crisis or thinking about suicide? Call or text 9-8-8, any time. In an emergency, call 9-1-1.",
    ),
    "crisis_phone": os.environ.get("CRISIS_PHONE_FALLBACK", "9-8-8"),
}
# The quick exit's destination on those pages (empty: no quick exit there).
PEER_SUPPORT_QUICK_EXIT_FALLBACK_URL = os.environ.get(
    "QUICK_EXIT_FALLBACK_URL", "https://weather.gc.ca/"
)

# Email (form notifications, newsletter confirmations). The timeout keeps a slow mail server from
# holding up a visitor: the submission is already stored and the failure is logged.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# The calendar, program list and directory pages go under the home page (programs, resources).
PEER_SUPPORT_PARENT_PAGE_TYPES = ["home.HomePage"]

# Contact forms and newsletter (contact/). Rate limits count per IP address in the default cache.
PEER_SUPPORT_FORM_MINIMUM_SECONDS = 3
# Error reports about a post to a public page show none of what the visitor wrote.
DEFAULT_EXCEPTION_REPORTER_FILTER = "contact.error_reports.VisitorAnswersFilter"
PEER_SUPPORT_FORM_RATE_LIMIT = os.environ.get("FORM_RATE_LIMIT", "20/h")
# Behind a reverse proxy every visitor has the proxy's address: name the header it sets instead.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
PEER_SUPPORT_NEWSLETTER_CONFIRMATION_DAYS = 7

# Wagtail's own background work (search index, renditions after an upload) runs at once, in the
# request, as before; webhook deliveries wait in the database until `manage.py db_worker
# --backend webhooks`, a process of its own, sends them (docs/deploy.md), so a site without the
# worker loses only its webhooks' timeliness, never its search.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
PEER_SUPPORT_WEBHOOKS_TASK_BACKEND = "webhooks"
# Webhooks (docs/webhooks.md) go only to public https addresses unless this allows private,
# loopback and link-local ones (a receiver on the same machine or network).
PEER_SUPPORT_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = env_bool("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", False)
# Seconds a receiver has to answer before the attempt counts as failed (and is retried).
PEER_SUPPORT_WEBHOOKS_TIMEOUT = env_int("WEBHOOKS_TIMEOUT", 10)

# Uploads: no SVG (it can carry scripts), and limits an old phone's photo fits within.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_MEGAPIXELS", "40")) * 1_000_000
# PNG renditions (logos, mostly) are passed through pngquant when it is installed: about 40%
# smaller, so fifty partners' logos fit an old phone's page budget. Willow skips it when absent.
WILLOW_OPTIMIZERS = os.environ.get("WILLOW_OPTIMIZERS", "pngquant")
# Documents always pass through Wagtail's view, which checks privacy, never a direct storage URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILFRONTENDCACHE = services.frontend_cache()

# Security headers and cookies; production.py adds HTTPS-only parts.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A post refused for its missing or old CSRF token gets the site's 403 page, with the crisis line.
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"
CONTENT_SECURITY_POLICY = {
    # The admin (and its preview, shown in a same-origin frame) needs inline styles and scripts.
    "EXCLUDE_URL_PREFIXES": ("/admin/",),
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", *services.media_origins()],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}

# Admin sign-in: lock a username from one address after repeated failures (django-axes).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("LOGIN_LOCKOUT_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_RESET_ON_SUCCESS = True
# Behind a proxy, the visitor's address is the last one the proxy appended.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None

# Two-step sign-in (django-otp; accounts/): the name authenticator apps show for this site's codes.
# Wrong codes slow down by themselves: each device waits 1, 2, 4, 8... seconds after each failure.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Passkeys (django-otp-webauthn; accounts/passkeys.py): a second step only, after the password, so
# django-axes still stands in front. A passkey belongs to the site's domain: by default the host
# name the admin is visited at; PASSKEY_DOMAIN (e.g. example.org) lets www.example.org and
# example.org share them. The browser shows WAGTAIL_SITE_NAME beside it. They are used at
# PASSKEY_ORIGINS, by default each of ALLOWED_HOSTS over https.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
PASSKEY_DOMAIN = os.environ.get("PASSKEY_DOMAIN", "")
OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("PASSKEY_ORIGINS") or [
    f"https://{host}" for host in ALLOWED_HOSTS if "*" not in host and not host.startswith(".")
]
