"""Fixtures shared by the whole suite: a small site with a home page."""

import pytest

from tests.home.factories import home_page_as_site_root


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site."""
    return home_page_as_site_root(slug="home-page")
