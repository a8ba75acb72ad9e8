"""The quick exit: off unless a volunteer turns it on; then a plain link on every public page,
error pages included, with its small script. (Chromium checks it in tests/browser/.)"""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import QUICK_EXIT_DEFAULT_URL, SiteSettings
from cms.views import database_unavailable, server_error
from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db
SCRIPT = '<script src="/static/cms/quick_exit.js" defer></script>'


def exit_link(html):
    """The quick exit's link: (its address, its rel, its text without tags), or None."""
    found = re.search(
        r'<a class="quick-exit__button" href="([^"]+)" rel="([^"]+)">(.*?)</a>', html, re.S
    )
    return found and (found[1], found[2], re.sub(r"<[^>]+>", "", found[3]))


@pytest.fixture
def page(home_page):
    return ContentPageFactory(parent=home_page, slug="about")


def test_is_off_by_default_and_then_absent_with_its_script(client, page):
    SiteSettingsFactory()
    assert SiteSettings.objects.get().quick_exit is False
    for path in ("/en/", "/en/about/", "/en/no-such-page/"):
        html = client.get(path).content.decode()
        assert "quick-exit" not in html and "<script" not in html, path


def test_once_on_every_page_has_a_plain_link_to_the_chosen_address(client, page):
    SiteSettingsFactory(quick_exit=True, quick_exit_url="https://weather.example.org/london")
    for path in ("/en/", "/en/about/", "/en/no-such-page/"):
        html = client.get(path).content.decode()
        # A link, not a button: it works without JavaScript and hands the weather site nothing.
        assert exit_link(html) == (
            "https://weather.example.org/london",
            "nofollow noreferrer",
            "Emergency: Leave this site",
        ), path
        assert html.count("<script") == 1 and SCRIPT in html
        assert html.index('class="quick-exit"') < html.index('class="crisis-notice"')


def test_links_to_the_browse_safely_page_while_it_is_live(client, page, home_page):
    advice = ContentPageFactory(parent=home_page, slug="browse-safely")
    SiteSettingsFactory(quick_exit=True, browse_safely_page=advice)
    assert (
        '<a class="quick-exit__help" href="/en/browse-safely/">'
        in client.get("/en/").content.decode()
    )

    advice.unpublish()
    html = client.get("/en/").content.decode()
    assert "quick-exit__help" not in html and exit_link(html)


def test_the_server_error_page_has_it_too(home_page):
    SiteSettingsFactory(quick_exit=True)
    html = server_error(RequestFactory().get("/en/")).content.decode()
    assert exit_link(html)[0] == QUICK_EXIT_DEFAULT_URL
    assert SCRIPT in html


@pytest.fixture
def settings_form(admin_client, home_page):
    """Posts the site settings form in the admin as a volunteer fills it in."""
    SiteSettingsFactory()
    url = reverse("wagtailsettings:edit", args=["cms", "sitesettings", Site.objects.get().pk])

    def post(**fields):
        data = {
            "organisation_name": "CONNECT for Mental Health",
            "province": "ON",
            "social_links": streamfield([]),
            "quick_exit": "on",
            **fields,
        }
        return admin_client.post(url, nested_form_data(data))

    return post


def test_volunteer_turns_it_on_with_an_https_address(settings_form):
    response = settings_form(quick_exit_url="https://www.theweathernetwork.com/ca")
    assert response.status_code == 302
    saved = SiteSettings.objects.get()
    assert saved.quick_exit and saved.quick_exit_url == "https://www.theweathernetwork.com/ca"


@pytest.mark.parametrize(
    "address, error",
    [
        ("http://weather.gc.ca/", "Enter a web address that starts with https://"),
        ("ftp://weather.gc.ca/", "Enter a web address that starts with https://"),
        ("javascript:alert(1)", "Enter a valid URL."),
        ("", "This field is required."),
    ],
)
def test_an_address_that_is_not_https_is_refused_with_a_clear_error(settings_form, address, error):
    response = settings_form(quick_exit_url=address)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert SiteSettings.objects.get().quick_exit is False


def test_the_database_down_page_shows_it_with_the_fallback_address(settings):
    settings.PEER_SUPPORT_QUICK_EXIT_FALLBACK_URL = "https://weather.example.org/"
    html = database_unavailable(RequestFactory().get("/en/")).content.decode()
    assert exit_link(html)[0] == "https://weather.example.org/" and SCRIPT in html

    settings.PEER_SUPPORT_QUICK_EXIT_FALLBACK_URL = ""
    html = database_unavailable(RequestFactory().get("/en/")).content.decode()
    assert "quick-exit" not in html and "<script" not in html
