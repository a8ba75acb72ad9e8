"""The content version, and what moves it on: registered models, never guessed."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from wagtail.models import DraftStateMixin
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from cms.caching.scopes import current

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


# Inside moving_once(): the moves asked for so far, made as one at its end.
held_moves = ContextVar("cms_caching_held_moves", default=None)


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
        cursor.execute(f"SELECT counter FROM {content_version()._meta.db_table} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


def move_version_on():
    """Something visitors see has changed: every key made from now on is new."""
    held = held_moves.get()
    if held is not None:
        held.append(True)
        return
    counter = content_version().objects
    if not counter.filter(pk=1).update(counter=F("counter") + 1):
        counter.get_or_create(pk=1, defaults={"counter": 1})
    if cache_is_shared():
        cache.delete(VERSION_KEY)
        transaction.on_commit(lambda: cache.delete(VERSION_KEY))


@contextmanager
def moving_once():
    """Every move of the version asked for inside waits, and the version moves on once at the
    end if any was asked for: a bulk load of thousands of things must not move it thousands of
    times (each a write), nor leave keys changing all through it."""
    if held_moves.get() is not None:
        yield
        return
    token = held_moves.set([])
    try:
        yield
    finally:
        asked = held_moves.get()
        held_moves.reset(token)
        if asked:
            move_version_on()


def content_version():
    # Looked up when used, so that cms.models can use the cache.
    return apps.get_model("cms", "ContentVersion")


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
        post_delete.connect(changed, sender=model, dispatch_uid=uid)
        if issubclass(model, DraftStateMixin):
            published.connect(changed, sender=model, dispatch_uid=uid)
            unpublished.connect(changed, sender=model, dispatch_uid=uid)


def invalidated_by_pages():
    """Pages move the version on when published, unpublished, moved, deleted or saved while live."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, dispatch_uid="cms.caching:pages")


def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields)):
        return
    if isinstance(instance, DraftStateMixin) and not instance.live:
        return  # a draft; unpublishing sends its own signal
    move_version_on()


def changed(sender, **kwargs):
    move_version_on()
