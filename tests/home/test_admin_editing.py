"""Volunteers edit pages and settings in the Wagtail admin; mistakes come back as clear messages."""

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import SiteSettings
from home.models import ContentPage

pytestmark = pytest.mark.django_db


def add_content_page(client, parent, body):
    data = nested_form_data(
        {
            "title": "Get involved",
            "slug": "get-involved",
            "intro": "How to volunteer with us.",
            "body": streamfield(body),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", parent.pk))
    return client.post(url, data)


def test_page_with_every_edit_saved_as_entered(admin_client, home_page):
    response = add_content_page(
        admin_client,
        home_page,
        [
            ("heading", {"text": "Volunteer", "level": "h2"}),
            ("paragraph", rich_text("<p>We need you.</p>")),
            ("call_to_action", {"label": "Contact us", "page": "", "url": "https://example.org/"}),
        ],
    )
    assert response.status_code == 302
    page = ContentPage.objects.get(slug="get-involved")
    assert page.live
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "call_to_action"]
    assert page.body[2].value.href() == "https://example.org/"


def test_button_without_text_is_refused_with_a_message(admin_client, home_page):
    response = add_content_page(
        admin_client,
        home_page,
        [("call_to_action", {"label": "", "page": "", "url": "https://example.org/"})],
    )
    assert response.status_code == 200
    assert "Add the button text visitors will see." in response.content.decode()
    assert not ContentPage.objects.exists()


def test_quote_without_words_is_refused_with_a_message(admin_client, home_page):
    response = add_content_page(
        admin_client,
        home_page,
        [("quote", {"text": rich_text(""), "attribution": "OPDI", "source_url": ""})],
    )
    assert "Add the words being quoted." in response.content.decode()
    assert not ContentPage.objects.exists()


def test_site_settings_are_editable_and_validated(admin_client, home_page):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("cms", "sitesettings", site.pk))
    data = {
        "organisation_name": "CONNECT for Mental Health Inc.",
        "tagline": "",
        "street_address": "536 Queens Ave",
        "unit": "Unit 202",
        "city": "London",
        "province": "ON",
        "postal_code": "12345",
        "phone": "",
        "email": "",
        "social_links-count": "0",
        "crisis_notice": "Call 9-8-8",
        "crisis_phone": "9-8-8",
        "quick_exit_url": "https://weather.gc.ca/",
    }
    refused = admin_client.post(url, data)
    assert "Enter a Canadian postal code like N6B 1Y8." in refused.content.decode()
    assert not SiteSettings.objects.filter(organisation_name__startswith="CONNECT").exists()

    admin_client.post(url, {**data, "postal_code": "n6b1y8"})
    saved = SiteSettings.for_site(site)
    assert saved.organisation_name == "CONNECT for Mental Health Inc."
    assert saved.postal_code == "N6B 1Y8"


def test_editor_can_open_the_home_page_for_editing(admin_client, home_page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(home_page.pk,)))
    assert response.status_code == 200
    assert "The big welcome line at the top" in response.content.decode()
