"""Refusals (403), a failed CSRF check included, get the site's own error page with the crisis line,
in the visitor's language, never Django's bare "403 Forbidden"."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_settings(home_page):
    return SiteSettingsFactory(
        organisation_name="CONNECT Peer Support", crisis_notice="Call 9-8-8 now."
    )


@pytest.fixture
def browser():
    """A client that checks CSRF tokens as the live site does."""
    return Client(enforce_csrf_checks=True)


def assert_site_error_page(response, heading, language="en"):
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert "CONNECT Peer Support" in html and "Call 9-8-8 now." in html
    assert "Forbidden" not in html and "CSRF" not in html


@pytest.mark.parametrize(
    "path, language, heading",
    [
        ("/en/about/", "en", "Sorry, we could not accept this form"),
        ("/fr/about/", "fr", "Désolés, nous n’avons pas pu accepter ce formulaire"),
    ],
)
def test_a_post_without_its_csrf_token_gets_the_sites_page(
    browser, home_page, site_settings, path, language, heading
):
    ContentPageFactory(parent=home_page, slug="about")

    response = browser.post(path, {"message": "Hello"})

    assert_site_error_page(response, heading, language)


def test_admin_sign_in_without_its_csrf_token_gets_the_sites_page(browser, site_settings):
    response = browser.post("/admin/login/", {"username": "sam", "password": "x"})

    assert_site_error_page(response, "Sorry, we could not accept this form")


@pytest.mark.parametrize(
    "path, language, heading",
    [
        ("/en/", "en", "Sorry, this page is not open to you"),
        ("/fr/", "fr", "Désolés, cette page ne vous est pas ouverte"),
    ],
)
def test_any_other_refusal_gets_the_sites_page(
    client, site_settings, monkeypatch, path, language, heading
):
    def refuse(*args, **kwargs):
        raise PermissionDenied

    monkeypatch.setattr("home.models.HomePage.serve", refuse, raising=False)

    assert_site_error_page(client.get(path), heading, language)
