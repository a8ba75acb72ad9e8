"""Test run: fast password hashing and plain static storage."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

# The generated site the query-count and page-weight tests measure (load_scale_content).
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test gets its own MEDIA_ROOT (tests/conftest.py). Static files are served from the apps'
# folders as in development; tests/test_project.py collects them once, as production does.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Test clients sign in without a request, which django-axes refuses; its own tests turn it on.
AXES_ENABLED = False
# The passkey browser test sets its live server's address. The test client's http://testserver
# is not a secure origin, which django-otp-webauthn's check refuses outside localhost.
OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://testserver"]
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E031"]
# The webhook tests' receivers listen on 127.0.0.1, over http.
PEER_SUPPORT_WEBHOOKS_ALLOW_HTTP = True
