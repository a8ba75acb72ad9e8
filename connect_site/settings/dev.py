"""Local development: DEBUG on, SQLite, a throwaway secret key."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env_bool, env_list, os

# `load_scale_content`, to try the site at scale (benchmarks/SCALE.md).
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run`'s address for passkeys (browsers refuse them at 127.0.0.1).
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("PASSKEY_ORIGINS", "http://localhost:8000")
# Webhooks to a local front end (http://localhost:3000/...) while developing.
PEER_SUPPORT_WEBHOOKS_ALLOW_HTTP = True
