"""The menu and footer are cached as HTML fragments; any change that could alter them starts afresh.

Rather than finding every cached variant (one per page, for the menu's "current page" mark), the
fragments' cache keys include a version that a change replaces; old fragments simply expire.
"""

from uuid import uuid4

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "cms:fragments-version"


def fragments_version():
    """The current version of the cached fragments, starting one if there is none."""
    return cache.get_or_set(VERSION_KEY, lambda: uuid4().hex, timeout=None)


def clear_fragments(**kwargs):
    """Make every cached menu and footer stale."""
    cache.set(VERSION_KEY, uuid4().hex, timeout=None)


def clear_fragments_for_page(instance, **kwargs):
    """Deleting any kind of page may remove it from a menu."""
    if isinstance(instance, Page):
        clear_fragments()


def connect_signals():
    """Clear fragments when pages are published, unpublished, moved or deleted, or settings saved."""
    from cms.models import SiteSettings

    page_published.connect(clear_fragments, dispatch_uid="cms-fragments-published")
    page_unpublished.connect(clear_fragments, dispatch_uid="cms-fragments-unpublished")
    post_page_move.connect(clear_fragments, dispatch_uid="cms-fragments-moved")
    post_delete.connect(clear_fragments_for_page, dispatch_uid="cms-fragments-deleted")
    post_save.connect(clear_fragments, sender=SiteSettings, dispatch_uid="cms-fragments-settings")
    post_save.connect(clear_fragments, sender=Site, dispatch_uid="cms-fragments-site")
