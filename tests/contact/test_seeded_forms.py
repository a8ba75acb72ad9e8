"""The seeded forms work end to end, and the welcome page links to each of them."""

import io

import pytest
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission

from contact.models import FormField, FormPage, NewsletterPage
from home.models import HomePage
from tests.contact.factories import human

pytestmark = pytest.mark.django_db
SEEDED_FORMS = {
    "inquire": "Inquire about our services",
    "volunteer": "Volunteer with us",
    "sponsorship": "Sponsorship and fundraising",
}


@pytest.fixture
def seeded(db):
    call_command("load_seed_content", stdout=io.StringIO())


def answer(field):
    """A valid answer for a question of any type the seed uses."""
    choices = [choice.strip() for choice in field.choices.splitlines() if choice.strip()]
    return {
        "email": "sam@example.org",
        "radio": choices[0] if choices else "",
        "checkboxes": choices,
        "checkbox": "on",
    }.get(field.field_type, f"An answer to {field.label}")


def test_seed_makes_three_live_forms_and_the_newsletter_page(seeded):
    for slug, title in SEEDED_FORMS.items():
        page = FormPage.objects.get(slug=slug)
        assert page.title == title and page.live and page.url == f"/en/{slug}/"
        assert page.thank_you_text and page.form_fields.count() >= 4
        assert {"email"} <= set(page.form_fields.values_list("field_type", flat=True))
    assert NewsletterPage.objects.get().url == "/en/newsletter/"


@pytest.mark.parametrize("slug", SEEDED_FORMS)
def test_each_seeded_form_stores_a_complete_answer_and_says_thank_you(client, seeded, slug):
    page = FormPage.objects.get(slug=slug)
    answers = {field.clean_name: answer(field) for field in page.form_fields.all()}
    response = client.post(page.url, human(answers))
    assert page.thank_you_text in response.content.decode()
    stored = FormSubmission.objects.get(page=page).form_data
    assert stored["email"] == "sam@example.org"
    assert set(stored) == set(answers)


def test_welcome_page_links_each_contact_card_to_its_form(client, seeded):
    home = HomePage.objects.get(locale__language_code="en")
    cards = {
        block.value["purpose"]: block.value["page"].slug
        for block in home.body
        if block.block_type == "contact_card"
    }
    assert cards == {
        "Volunteering opportunities and community outreach": "volunteer",
        "Sponsorship and fundraising": "sponsorship",
    }
    html = client.get("/en/").content.decode()
    for slug, title in SEEDED_FORMS.items():
        assert f'href="/en/{slug}/">{title}</a>' in html
    assert 'href="/en/newsletter/"' in html


def test_partners_section_is_seeded_but_shows_nothing_until_partners_are_added(client, seeded):
    (section,) = [
        block
        for block in HomePage.objects.get(locale__language_code="en").body
        if block.block_type == "partners"
    ]
    assert section.value["heading"] == "CONNECT Partners"
    assert "CONNECT Partners" not in client.get("/en/").content.decode()


def test_second_seed_run_adds_no_forms_or_questions(seeded):
    questions = FormField.objects.count()
    call_command("load_seed_content", stdout=io.StringIO())
    assert FormPage.objects.count() == 3 and NewsletterPage.objects.count() == 1
    assert FormField.objects.count() == questions
