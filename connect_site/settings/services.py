"""The database, cache, media storage and CDN, each chosen by environment variables (docs/deploy.md)."""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

# Concurrent writers wait for the lock (up to `timeout` seconds) instead of failing with
# "database is locked"; WAL lets readers carry on while one request writes.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
REDIS_SCHEMES = {"redis", "rediss", "unix"}


def database(default_sqlite_path, url=None):
    """DATABASE_URL (or `url`) as a Django database; SQLite at the given path when unset."""
    config = dj_database_url.parse(
        url or os.environ.get("DATABASE_URL") or f"sqlite:///{default_sqlite_path}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


def caches(url):
    """CACHE_URL/REDIS_URL as Django's Redis cache, which degrades to no cache while Redis is down;
    local memory without one. Not-found answers always go to a small local store of their own
    (cms.caching), so made-up addresses cannot push useful entries out. With Redis, each process
    also keeps its own copy of the parts of answers it reads (`near`, cms.caching)."""
    not_found = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "not-found",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("NOT_FOUND_CACHE_MAX_ENTRIES", "500"))},
    }
    # Django's default of 300 entries is soon full of renditions and pages, and then it throws a
    # third of them away at each new one.
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "3000"))},
    }
    if not url or url.startswith("locmem://"):
        return {"default": local, "not_found": not_found}
    scheme = urlsplit(url).scheme
    if scheme not in REDIS_SCHEMES:
        raise ImproperlyConfigured(
            f"CACHE_URL must start with redis://, rediss://, unix:// or locmem://, not {scheme}://."
        )
    timeout = float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.5"))
    return {
        "default": {
            "BACKEND": "cms.caching.FailSafeRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        },
        "not_found": not_found,
        "near": {**local, "LOCATION": "near"},
    }


def media_storage(bucket, signed_urls):
    """Local files, or an S3-compatible bucket (django-storages) when a bucket name is set."""
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": signed_urls,
            "file_overwrite": False,
        },
    }


def frontend_cache():
    """The CDN or caching proxy that Wagtail purges when a page is published, if any."""
    backends = {}
    if purge_url := os.environ.get("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    if zone := os.environ.get("CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
            "ZONEID": zone,
        }
    if distribution := os.environ.get("AWS_CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends


def media_origins():
    """Where uploaded images are served from when they live in a bucket, for the CSP's img-src."""
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return []
    if domain := os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{domain}"]
    if endpoint := os.environ.get("AWS_S3_ENDPOINT_URL"):
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}"]
    region = os.environ.get("AWS_S3_REGION_NAME")
    return [f"https://{bucket}.s3.amazonaws.com"] + (
        [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    )
