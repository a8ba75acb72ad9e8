"""The site's one caching layer: what is kept between requests, under which key, for how long.

- **The content version** (`version()`): a counter in the database (`cms.models.ContentVersion`)
  that moves on whenever something visitors can see changes. Every key holds it, so a change shows
  at once in every process and old entries simply expire. It moves on only for what is registered
  with `invalidated_by()`: publishing, unpublishing, moving or deleting a page, and saving or
  deleting a model visitors see. Drafts, revisions, editing sessions, renditions, form answers and
  logins never move it.
- **Time** (`valid_until()`): what shows upcoming dates declares when the soonest of them ends.
  Every entry made while it was declared expires then, and so does the whole answer holding it.
- **Keys** (`key()`) hold the name, the version, the request's origin (scheme and host: the site),
  the language and the parts given.
- **Parts of answers**: one value (`cached()`), each of a listing's items (`cached_each()`), an API
  list's items (`CachedItems`), template fragments (`{% cached %}` in cms_tags), the way to a page
  (`CachedRoutesMixin`) and a page's lack of view restrictions (`CachedPrivacyMixin`).
- **The shared cache** (`FailSafeRedisCache`): Redis that, while down, acts as an empty cache.
- **Whole answers and HTTP** (`AnswerCacheMiddleware`): anonymous GET and HEAD answers kept and
  served without the database; ETag of the body, 304s, Cache-Control, Vary.
"""

import hashlib
import logging
from collections.abc import Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils import timezone
from django.utils.cache import (
    get_cache_key,
    get_conditional_response,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.translation import get_language
from redis.exceptions import RedisError
from wagtail.models import DraftStateMixin, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.url_routing import RouteResult

from cms.models import ContentVersion

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
# With a shared cache (Redis), the version is read from it, not the database; a reader that read
# the database just before a change committed could put the old number back, so it is kept only
# this long.
VERSION_MEMO_SECONDS = 10
# Saves that change only editing bookkeeping: a draft revision, a lock, a file's size or hash
# worked out on first use. They never change what visitors see.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "file_size",
        "file_hash",
    }
)
ANSWER_STATUSES = (200, 404)
# The admin and its previews, documents (their privacy is checked per person), and API previews.
NEVER_CACHED_PATHS = ("/admin/", "/documents/", "/api/v3/preview/")
PER_PERSON_CACHE_CONTROL = ("private", "no-cache", "no-store")
NOT_FOUND_CACHE = "not_found"


# The shared cache


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


# The content version


def version():
    """The content version, read once per answer (afresh outside one)."""
    scope = current.get()
    if scope is None:
        return read_version()
    if scope.version is None:
        scope.version = read_version()
    return scope.version


def read_version():
    if not cache_is_shared():
        return version_in_database()
    found = cache.get(VERSION_KEY)
    if found is None:
        found = version_in_database()
        cache.add(VERSION_KEY, found, VERSION_MEMO_SECONDS)
    return found


def version_in_database():
    # Read on every request with a local cache: raw SQL is not compiled each time.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT counter FROM {ContentVersion._meta.db_table} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


def move_version_on():
    """Something visitors see has changed: every key made from now on is new."""
    if not ContentVersion.objects.filter(pk=1).update(counter=F("counter") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"counter": 1})
    if cache_is_shared():
        cache.delete(VERSION_KEY)
        transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def cache_is_shared():
    """Whether every process reads the same cache (Redis), so it can hold the version."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


# What moves the version on: registered, never guessed


def invalidated_by(*models):
    """Move the version on when one of these models, which visitors see, is saved or deleted (for
    a model with drafts: published, unpublished, deleted, or saved while live)."""
    for model in models:
        uid = f"cms.caching:{model._meta.label_lower}"
        post_save.connect(saved, sender=model, dispatch_uid=uid)
        post_delete.connect(deleted, sender=model, dispatch_uid=uid)
        if issubclass(model, DraftStateMixin):
            published.connect(deleted, sender=model, dispatch_uid=uid)
            unpublished.connect(deleted, sender=model, dispatch_uid=uid)


def invalidated_by_pages():
    """Pages move the version on when published, unpublished, moved, deleted or saved while live."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(deleted, dispatch_uid="cms.caching:pages")


def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields)):
        return
    if isinstance(instance, DraftStateMixin) and not instance.live:
        return  # a draft; unpublishing sends its own signal
    move_version_on()


def deleted(sender, **kwargs):
    move_version_on()


# Time


@dataclass
class Scope:
    """What one answer (or one cached part of it) has read so far."""

    request: HttpRequest | None = None
    version: int | None = None
    until: datetime | None = None
    parent: "Scope | None" = field(default=None, repr=False)

    @property
    def origin(self):
        request = self.request
        return f"{request.scheme}://{request.get_host()}" if request else ""


current = ContextVar("cms_caching_scope", default=None)


@contextmanager
def answering(request=None):
    """The scope of one answer: the version is read once, and `valid_until()` lands here."""
    token = current.set(Scope(request=request))
    try:
        yield current.get()
    finally:
        current.reset(token)


@contextmanager
def making():
    """The scope of one cached part: what it declares also holds for the answer around it."""
    parent = current.get()
    scope = Scope(
        request=parent and parent.request, version=parent and parent.version, parent=parent
    )
    token = current.set(scope)
    try:
        yield scope
    finally:
        current.reset(token)
        if parent is not None:
            parent.version = parent.version or scope.version
        valid_until(scope.until)


def valid_until(moment):
    """What is being made changes with the clock alone at `moment` (e.g. when the soonest upcoming
    date ends): the entries and the answer holding it expire then. None: no such moment."""
    scope = current.get()
    if moment is not None and scope is not None:
        scope.until = moment if scope.until is None else min(scope.until, moment)


def seconds_left(until, longest):
    """How long an entry valid until `until` may be kept, at most `longest` seconds."""
    if until is None:
        return longest
    return max(0, min(longest, int((until - timezone.now()).total_seconds())))


# Keys and entries


def key(name, *parts):
    """A key for `name` and `parts`, in this version, for this site (origin) and language."""
    scope = current.get()
    origin = scope.origin if scope else ""
    digest = hashlib.sha1(  # hashed: any characters are safe in any backend
        repr((origin, get_language(), parts)).encode(), usedforsecurity=False
    ).hexdigest()
    return f"{name}:{version()}:{digest}"


def fresh(entry):
    """An entry's value if it has not expired with the clock (and says so to the answer)."""
    until, value = entry
    if until is not None and until <= timezone.now():
        return None
    valid_until(until)
    return (value,)


def cached(name, *parts, make):
    """`make()`, kept under `name` and `parts` until the version moves on or its time ends."""
    entry_key = key(name, *parts)
    entry = cache.get(entry_key)
    found = entry and fresh(entry)
    if found:
        return found[0]
    with making() as scope:
        value = make()
    timeout = seconds_left(scope.until, settings.FRAGMENT_CACHE_TIMEOUT)
    if timeout:
        cache.set(entry_key, (scope.until, value), timeout)
    return value


def cached_each(name, items, parts, make):
    """What `make(items)` makes for each item (in order), kept per item under `parts(item)`.

    Only the items not kept are given to `make`, so only they need their related rows read.
    """
    keys = [key(name, *parts(item)) for item in items]
    found = {}
    for entry_key, entry in cache.get_many(keys).items():
        if value := fresh(entry):
            found[entry_key] = value[0]
    missing = [(k, item) for k, item in zip(keys, items, strict=True) if k not in found]
    if missing:
        with making() as scope:
            made = dict(zip([k for k, _ in missing], make([i for _, i in missing]), strict=True))
        found.update(made)
        timeout = seconds_left(scope.until, settings.FRAGMENT_CACHE_TIMEOUT)
        if timeout:
            cache.set_many({k: (scope.until, v) for k, v in made.items()}, timeout)
    return [found[k] for k in keys]


class CachedItems(Sequence):
    """An API list's items, made only as a page of them is taken (the total counted in the
    database), each kept under `name` and its row's id: `make(rows)` makes the items of the rows
    not kept, in order."""

    def __init__(self, name, rows, make):
        self.name = name
        self.rows = rows
        self.make = make

    def __len__(self):
        return self.rows.count()

    def __getitem__(self, index):
        rows = list(self.rows[index]) if isinstance(index, slice) else [self.rows[index]]
        items = cached_each(self.name, rows, lambda row: (row.pk,), self.make)
        return items if isinstance(index, slice) else items[0]


# Pages


class CachedRoutesMixin:
    """For a site's root page: which page each address leads to (and which sub-route of a routable
    page), kept instead of two queries per level of the path. Only the way is kept: the page itself
    is read afresh, and privacy checks still run."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        way = cached(
            "route", self.pk, *path_components, make=lambda: self.way(request, path_components)
        )
        model, pk, args, kwargs = way
        if page := model.objects.filter(pk=pk).first():
            return RouteResult(page, args, kwargs)
        return super().route(request, path_components)

    def way(self, request, path_components):
        """Where Wagtail's routing leads: the page's type and id, and the sub-route's arguments
        (Http404, when it leads nowhere, is not kept)."""
        found = super().route(request, path_components)
        return (found.page.specific_class, found.page.pk, found.args, found.kwargs)


class CachedPrivacyMixin:
    """A page no view restriction applies to is kept as such: Wagtail otherwise reads its ancestors
    and their restrictions before every view. A restricted page is checked afresh every time."""

    def get_view_restrictions(self):
        if cached("unrestricted", self.pk, make=self.has_no_view_restrictions):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def has_no_view_restrictions(self):
        return not super().get_view_restrictions().exists()


# Whole answers and HTTP


class AnswerCacheMiddleware:
    """Serves anonymous GET and HEAD requests from the cache, keeps answers anyone may get, and
    tells browsers and proxies how long they may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with answering(request) as scope:
            if not is_anonymous(request):
                return private(request, self.get_response(request))
            response = None
            if settings.PAGE_CACHE_TIMEOUT:
                response = fetch(request)
            if response is None:
                response = self.answer(request, scope)
            return conditional(request, response)

    def answer(self, request, scope):
        """The view's answer, marked for browsers and proxies, and kept when it is for anyone."""
        # The version is read before the view: a change made while it runs then misses this key
        # instead of leaving a stale answer under the new one.
        key_prefix = f"answer:{version()}"
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            patch_vary_headers(response, ["Authorization"])
        if response.cookies:  # e.g. the CSRF token of this visitor's form
            return private(request, response)
        if is_for_anyone(response):
            patch_cache_control(response, public=True)
            if response.status_code == 200:
                set_response_etag(response)
            timeout = seconds_left(scope.until, settings.PAGE_CACHE_TIMEOUT)
            if settings.PAGE_CACHE_TIMEOUT and timeout and request.method == "GET":
                store = answers_store(response)
                entry_key = learn_cache_key(request, response, timeout, key_prefix, store)
                store.set(entry_key, (scope.until, response), timeout)
            set_max_age(request, response, scope.until)
        return response


def is_anonymous(request):
    """A read with no session (so no login, preview or password), no token, outside the admin."""
    return (
        request.method in ("GET", "HEAD")
        and "Authorization" not in request.headers
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(NEVER_CACHED_PATHS)
    )


def is_for_anyone(response):
    """A page or not-found answer, whole, that its view did not mark as meant for one person."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in ANSWER_STATUSES
        and not response.streaming
        and not any(word in cache_control for word in PER_PERSON_CACHE_CONTROL)
        and not has_vary_header(response, "*")
    )


def answers_store(response):
    """Not-found answers are kept apart, in a small local store, so that requests for made-up
    addresses cannot push useful answers out of the cache."""
    return caches[NOT_FOUND_CACHE] if response.status_code == 404 else cache


def fetch(request):
    """The kept answer to a GET for this address (HEAD gets the same), if there is one."""
    key_prefix = f"answer:{version()}"
    for store in (cache, caches[NOT_FOUND_CACHE]):
        entry_key = get_cache_key(request, key_prefix, "GET", cache=store)
        entry = entry_key and store.get(entry_key)
        if entry and (found := fresh(entry)):
            response = found[0]
            set_max_age(request, response, entry[0])
            return response
    return None


def set_max_age(request, response, until):
    """How long browsers and proxies may keep an answer: never past the moment it changes."""
    longest = (
        settings.API_CACHE_MAX_AGE
        if request.path_info.startswith("/api/")
        else settings.PAGE_CACHE_MAX_AGE
    )
    patch_cache_control(response, max_age=seconds_left(until, longest))


def conditional(request, response):
    """304 Not Modified when the visitor already has this answer (If-None-Match). There is no
    Last-Modified: an answer listing upcoming dates changes with the clock alone."""
    if response.status_code != 200 or not response.has_header("ETag"):
        return response
    return get_conditional_response(request, etag=response["ETag"], response=response)


def private(request, response):
    """Keep shared caches (proxies, CDNs) from storing an answer meant for one person."""
    if request.path_info.startswith("/api/"):
        patch_vary_headers(response, ["Authorization"])
        patch_cache_control(response, private=True, no_store=True)
    elif "Cache-Control" not in response:
        patch_cache_control(response, private=True)
    return response
