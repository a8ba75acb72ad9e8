"""Fixtures shared by the whole suite: a small site with a home page."""

import pytest
from django.core.cache import caches

from tests.home.factories import home_page_as_site_root


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site."""
    return home_page_as_site_root(slug="home-page")


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    """Uploads go to a folder of the test's own; caches start empty.

    Wagtail caches renditions by image id, and ids come round again once a test rolls back.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    for cache in caches.all():
        cache.clear()
