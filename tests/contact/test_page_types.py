"""Volunteers add form pages (with their questions) and one newsletter page under the home page."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contact.models import FormPage, NewsletterPage
from home.models import ContentPage, HomePage
from tests.contact.factories import NewsletterPageFactory
from tests.home.factories import home_page_as_site_root


class ContactPageTreeTests(WagtailPageTestCase):
    def test_form_and_newsletter_pages_sit_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(FormPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsletterPage, {HomePage})
        self.assertCanNotCreateAt(ContentPage, FormPage)
        self.assertAllowedSubpageTypes(FormPage, set())

    def test_only_one_newsletter_page_can_exist(self):
        home = home_page_as_site_root(slug="welcome")
        self.assertTrue(NewsletterPage.can_create_at(home))
        NewsletterPageFactory(parent=home)
        self.assertFalse(NewsletterPage.can_create_at(home))
        self.assertFalse(NewsletterPage.can_create_at(Page.get_first_root_node()))


def add_form_page(client, parent, **overrides):
    question = {"label": "Your question", "field_type": "multiline", "required": "on"}
    data = nested_form_data(
        {
            "title": "Ask us anything",
            "slug": "ask",
            "intro": rich_text("<p>We read every message.</p>"),
            "thank_you_text": rich_text("<p>Thank you.</p>"),
            "privacy_notice": rich_text(""),
            "form_fields": inline_formset([question]),
            "to_address": "",
            "from_address": "",
            "subject": "",
            "answers": "store",
            "keep_days": "90",
            "action-publish": "publish",
            **overrides,
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("contact", "formpage", parent.pk))
    return client.post(url, data)


@pytest.mark.django_db
def test_volunteer_builds_a_form_page_with_its_questions(admin_client, home_page):
    response = add_form_page(admin_client, home_page)
    assert response.status_code == 302
    page = FormPage.objects.get(slug="ask")
    assert page.live and ">Thank you.</p>" in page.thank_you_text
    assert [(f.label, f.field_type, f.required) for f in page.form_fields.all()] == [
        ("Your question", "multiline", True)
    ]


@pytest.mark.django_db
def test_bad_notice_address_is_refused_with_a_message(admin_client, home_page):
    response = add_form_page(admin_client, home_page, to_address="volunteers at example")
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not FormPage.objects.exists()


@pytest.mark.django_db
def test_volunteer_chooses_email_only_or_how_many_days_answers_are_kept(admin_client, home_page):
    add_form_page(admin_client, home_page, slug="kept", keep_days="14")
    add_form_page(admin_client, home_page, answers="email_only", to_address="team@example.org")
    assert FormPage.objects.get(slug="kept").keep_days == 14
    assert FormPage.objects.get(slug="ask").answers == "email_only"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"keep_days": "0"}, "Please enter a number of days from 1 to 730 (two years)."),
        ({"keep_days": "731"}, "Please enter a number of days from 1 to 730 (two years)."),
        (
            {"answers": "email_only"},
            "Answers sent by email only need somewhere to go: please enter at least one email "
            "address, or choose to keep the answers on this website.",
        ),
    ],
)
def test_impossible_keeping_choice_is_refused_with_a_message_and_nothing_lost(
    admin_client, home_page, overrides, message
):
    response = add_form_page(admin_client, home_page, **overrides)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "We read every message." in html  # what the volunteer wrote is still there
    assert not FormPage.objects.exists()
