"""Fixtures shared by the whole suite: a small site with a home page."""

import pytest
from wagtail.models import Page, Site

from tests.home.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site, replacing Wagtail's placeholder page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-page")
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    old_root.delete()
    return home
