"""The shared cache: Redis that, while it is down, acts as an empty cache instead of failing."""

import logging
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


@contextmanager
def skipped_while_down():
    """Swallow (and log) a Redis error so the page is served uncached."""
    try:
        yield
    except RedisError as error:
        logger.warning("Cache unavailable, serving without it: %s", error)


class FailSafeRedisCache(RedisCache):
    """Django's Redis cache; every read misses and every write is skipped while Redis is down."""

    def get(self, key, default=None, version=None):
        with skipped_while_down():
            return super().get(key, default, version)
        return default

    def get_many(self, keys, version=None):
        with skipped_while_down():
            return super().get_many(keys, version)
        return {}

    def has_key(self, key, version=None):
        with skipped_while_down():
            return super().has_key(key, version)
        return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with skipped_while_down():
            return super().add(key, value, timeout, version)
        return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with skipped_while_down():
            super().set(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        with skipped_while_down():
            return super().set_many(data, timeout, version)
        return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with skipped_while_down():
            return super().touch(key, timeout, version)
        return False

    def incr(self, key, delta=1, version=None):
        with skipped_while_down():
            return super().incr(key, delta, version)
        raise ValueError(f"Key {key!r} not found: the cache is unavailable.")  # as for a miss

    def delete(self, key, version=None):
        with skipped_while_down():
            return super().delete(key, version)
        return False

    def delete_many(self, keys, version=None):
        with skipped_while_down():
            super().delete_many(keys, version)

    def clear(self):
        with skipped_while_down():
            return super().clear()
        return False
