"""Fixtures for the contact forms and newsletter: a small site with an inquiry form and newsletter."""

import pytest

from tests.contact.factories import NewsletterPageFactory, inquiry_form


@pytest.fixture
def form_page(home_page):
    return inquiry_form(home_page, title="Inquire about our services", slug="inquire")


@pytest.fixture
def newsletter_page(home_page):
    return NewsletterPageFactory(parent=home_page)
