"""Every page carries the organisation's settings, the crisis notice and accessible navigation."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def test_footer_shows_address_contact_and_social_links_from_settings(client, home_page):
    SiteSettingsFactory(
        organisation_name="Peer Group of Elgin",
        street_address="12 Main St",
        unit="",
        city="St. Thomas",
        postal_code="N5P 1A1",
        phone="519-555-0199",
        email="info@peers.example",
        social_links=[
            ("link", {"platform": "facebook", "url": "https://facebook.com/peers", "label": ""}),
            ("link", {"platform": "other", "url": "https://peers.example/news", "label": "News"}),
        ],
    )
    html = client.get("/en/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "<strong>Peer Group of Elgin</strong>" in footer
    assert "<br>12 Main St" in footer and "<br>St. Thomas, ON N5P 1A1" in footer
    assert '<a href="tel:5195550199">519-555-0199</a>' in footer
    assert '<a href="mailto:info@peers.example">' in footer
    assert '<a href="https://facebook.com/peers" rel="me">Facebook</a>' in footer
    assert '<a href="https://peers.example/news" rel="me">News</a>' in footer
    assert '<a href="#top">Back to top</a>' in footer


def test_crisis_notice_on_every_page_when_filled(client, home_page):
    SiteSettingsFactory(crisis_notice="Call or text 9-8-8 any time.", crisis_phone="9-8-8")
    page = publish(ContentPageFactory(parent=home_page, body__0="paragraph"))
    for url in ("/en/", page.url, "/en/no-such-page/"):
        html = client.get(url).content.decode()
        assert 'aria-label="Crisis support"' in html, url
        assert '<a class="crisis-notice__call" href="tel:988">Call 9-8-8</a>' in html, url


def test_no_crisis_notice_when_left_blank(client, home_page):
    SiteSettingsFactory(crisis_notice="")
    assert "crisis-notice" not in client.get("/en/").content.decode()


def test_page_skeleton_has_language_skip_link_and_landmarks(client, home_page):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main" tabindex="-1">' in html
    for landmark in ("<header", '<nav class="main-menu" aria-label="Main">', "<footer"):
        assert landmark in html
    assert "<script" not in html  # readable and navigable without JavaScript


def test_menu_lists_only_live_pages_marked_show_in_menus(client, home_page):
    shown = publish(ContentPageFactory(parent=home_page, title="Shown", show_in_menus=True))
    publish(ContentPageFactory(parent=home_page, title="Not in menu", show_in_menus=False))
    ContentPageFactory(parent=home_page, title="Draft", show_in_menus=True, live=False)
    menu = client.get("/en/").content.decode().split('<nav class="main-menu"')[1].split("</nav>")[0]
    assert f'<a href="{shown.url}">Shown</a>' in menu
    assert "Not in menu" not in menu and "Draft" not in menu
    assert '<a href="/en/" aria-current="page">Home</a>' in menu


def test_menu_leaves_out_private_pages(client, home_page):
    private = publish(ContentPageFactory(parent=home_page, title="Volunteers", show_in_menus=True))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    publish(ContentPageFactory(parent=home_page, title="Public", show_in_menus=True))
    menu = client.get("/en/").content.decode().split('<nav class="main-menu"')[1].split("</nav>")[0]
    assert ">Public<" in menu and "Volunteers" not in menu


def test_breadcrumbs_below_the_home_page_only(client, home_page):
    parent = publish(ContentPageFactory(parent=home_page, title="About"))
    child = publish(ContentPageFactory(parent=parent, title="Our history"))
    assert 'class="breadcrumbs"' not in client.get("/en/").content.decode()
    crumbs = client.get(child.url).content.decode().split('class="breadcrumbs"')[1]
    crumbs = crumbs.split("</nav>")[0]
    assert crumbs.index(">Home<") < crumbs.index(">About<") < crumbs.index(">Our history<")
    assert f'<a href="{child.url}" aria-current="page">Our history</a>' in crumbs


def test_unknown_address_gets_a_404_page_with_a_way_home(client, home_page):
    SiteSettingsFactory(crisis_notice="Call 9-8-8.")
    response = client.get("/en/definitely-not-here/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Sorry, we can’t find that page" in html
    assert '<a class="button" href="/en/">Go to the home page</a>' in html
    assert "Call 9-8-8." in html


@override_settings(DEBUG=False)
def test_server_error_page_keeps_crisis_notice_and_way_home(client, home_page, monkeypatch):
    SiteSettingsFactory(crisis_notice="Call 9-8-8 now.", crisis_phone="9-8-8")
    client.raise_request_exception = False
    monkeypatch.setattr("home.models.HomePage.serve", lambda *args, **kwargs: 1 / 0, raising=False)
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Call 9-8-8 now." in html and 'href="tel:988"' in html
    assert '<a class="button" href="/en/">Go to the home page</a>' in html


def test_server_error_page_falls_back_to_default_crisis_line_without_database(rf, monkeypatch):
    from cms import views

    def database_down(request):
        raise RuntimeError("database is down")

    monkeypatch.setattr(views.SiteSettings, "for_request", database_down)
    response = views.server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "Call or text 9-8-8" in response.content.decode()


@pytest.mark.parametrize(
    ("number", "href"),
    [("9-8-8", "tel:988"), ("(519) 555-0123 ext. 12", "tel:5195550123"), ("", "")],
)
def test_phone_numbers_become_tap_to_call_links(number, href):
    from cms.templatetags.cms_tags import tel_href

    assert tel_href(number) == href
