"""Gunicorn settings for `make serve-production`; each can be overridden by an environment variable."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Gunicorn's own advice: two workers per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound. Not too often: with the
# page cache a worker answers 1,000 requests in seconds, and each restart empties its local cache.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# Load the site once, before forking: a new worker then starts in milliseconds, not seconds,
# and the workers share the memory of the code they both use.
preload_app = True
accesslog = "-"
# The path without its query string (%(U)s, not %(r)s), and no referrer: search words and form
# answers can be in either, and they may say things about a visitor's health.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(server, worker):
    # Everything loaded so far (Django, Wagtail, the site's code) lives as long as the worker:
    # frozen, the worker's garbage collector no longer walks it, which cut pauses of 100 ms, and
    # no longer writes to it, so the workers keep sharing its memory.
    gc.freeze()
