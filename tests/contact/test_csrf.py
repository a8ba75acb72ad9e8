"""Only the visitor forms take posts without a CSRF token; everything else still needs one."""

import re

import pytest
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.accounts.factories import signed_in_with_two_step
from tests.contact.factories import VALID_INQUIRY, human
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    """A client that checks CSRF tokens as the live site does."""
    return Client(enforce_csrf_checks=True)


def test_form_page_takes_a_post_without_a_csrf_token(browser, form_page):
    response = browser.post(form_page.url, human(VALID_INQUIRY))
    assert form_page.thank_you_text in response.content.decode()
    assert FormSubmission.objects.get().form_data == VALID_INQUIRY
    assert "csrftoken" not in response.cookies


def test_other_pages_and_addresses_still_need_the_token(browser, home_page, form_page):
    page = ContentPageFactory(parent=home_page, slug="about")
    for path in (page.url, "/en/no-such-page/", "/en/", "/admin/login/", "/documents/1/x.pdf"):
        assert browser.post(path, human(VALID_INQUIRY)).status_code == 403, path
    assert not FormSubmission.objects.exists()


def test_a_signed_in_editor_can_send_a_form_but_not_change_the_admin_without_the_token(
    browser, form_page, admin_user
):
    signed_in_with_two_step(browser, admin_user)
    page = browser.get(form_page.url)
    assert "wagtail-userbar" in page.content.decode()
    assert "private" in page["Cache-Control"]
    sent = browser.post(form_page.url, human(VALID_INQUIRY))
    assert form_page.thank_you_text in sent.content.decode()
    assert FormSubmission.objects.count() == 1
    edit = f"/admin/pages/{form_page.pk}/edit/"
    assert browser.post(edit, {"title": "Forged"}).status_code == 403


def test_previewing_a_form_page_shows_the_editors_draft_form(admin_client, form_page):
    draft = nested_form_data(
        {
            "title": "Volunteer with us",
            "slug": form_page.slug,
            "form_fields": inline_formset([{"label": "Your skills", "field_type": "singleline"}]),
            "answers": "store",
            "keep_days": "90",
        }
    )
    preview = f"/admin/pages/{form_page.pk}/edit/preview/"
    assert admin_client.post(preview, draft).json() == {"is_valid": True, "is_available": True}
    html = admin_client.get(preview).content.decode()
    assert "Volunteer with us" in html and 'name="your_skills"' in html
    assert 'name="form_started"' in html


def test_a_password_protected_form_still_asks_for_its_password_with_a_checked_token(
    browser, form_page
):
    PageViewRestriction.objects.create(page=form_page, restriction_type="password", password="x")
    assert browser.post(form_page.url, human(VALID_INQUIRY)).status_code == 200  # the password form
    assert not FormSubmission.objects.exists()
    asked = browser.get(form_page.url).content.decode()
    action = re.search(r'action="(/en/_util/authenticate_with_password/[^"]+)"', asked)[1]
    password = {"password": "x", "return_url": form_page.url}
    assert browser.post(action, password).status_code == 403  # no token
    password["csrfmiddlewaretoken"] = re.search(r'csrfmiddlewaretoken" value="([^"]+)"', asked)[1]
    assert browser.post(action, password).status_code == 302
    browser.post(form_page.url, human(VALID_INQUIRY))
    assert FormSubmission.objects.count() == 1


def test_a_form_posted_to_its_address_from_before_the_language_prefixes_is_kept_once(
    browser, form_page
):
    moved = browser.post("/inquire/?from=old", human(VALID_INQUIRY))
    assert moved.status_code == 308  # browsers post again, with the answers, to the new address
    assert moved["Location"] == "/en/inquire/?from=old"
    assert not FormSubmission.objects.exists()

    sent = browser.post("/inquire/", human(VALID_INQUIRY), follow=True)

    assert sent.redirect_chain == [("/en/inquire/", 308)]
    assert form_page.thank_you_text in sent.content.decode()
    assert FormSubmission.objects.get().form_data == VALID_INQUIRY


def test_old_addresses_still_move_for_good_with_a_301_when_read(browser, form_page):
    assert browser.get("/inquire/").status_code == 301
    assert browser.head("/inquire/").status_code == 301


def test_a_post_to_another_old_address_still_needs_its_token_at_the_new_one(browser, home_page):
    ContentPageFactory(parent=home_page, slug="about")

    sent = browser.post("/about/", human(VALID_INQUIRY), follow=True)

    assert sent.redirect_chain == [("/en/about/", 308)]
    assert sent.status_code == 403
    assert "Sorry, we could not accept this form" in sent.content.decode()
