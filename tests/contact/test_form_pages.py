"""Visitors' messages arrive, are checked with clear messages, and are never lost."""

import json
import logging
import re
import smtplib
import time

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from contact.forms import MULTILINE_MAX_LENGTH
from contact.models import FormPage
from contact.protection import FILLING_TIME, token_max_age
from tests.cms.factories import SiteSettingsFactory
from tests.contact.factories import VALID_INQUIRY, FormFieldFactory, human

pytestmark = pytest.mark.django_db


def send(client, page, answers, **extra):
    return client.post(page.url, human(answers), **extra)


def errors_next_to(html, field_id):
    """The error list Django puts right above the field's input, tied to it by aria-describedby."""
    return f'id="{field_id}_error"' in html and f'aria-describedby="{field_id}_error"' in html


def test_form_page_shows_intro_questions_and_privacy_notice(client, form_page):
    html = client.get(form_page.url).content.decode()
    assert "Tell us what you need." in html
    for label in ("Your name", "Email", "Message"):
        assert f">{label}</label>" in html
    assert "csrfmiddlewaretoken" not in html  # the same page for everyone, so it can be cached
    assert "We do not record your IP address" in html
    assert "kept on this website for 90 days, then deleted." in html


def test_valid_inquiry_is_stored_and_thanks_the_visitor(client, form_page):
    response = send(client, form_page, VALID_INQUIRY)
    assert response.status_code == 200
    assert form_page.thank_you_text in response.content.decode()
    submission = FormSubmission.objects.get(page=form_page)
    assert submission.form_data == VALID_INQUIRY


def test_nothing_about_the_visitors_connection_is_stored(client, form_page):
    send(client, form_page, VALID_INQUIRY, REMOTE_ADDR="203.0.113.7")
    stored = FormSubmission.objects.get()
    assert "203.0.113.7" not in json.dumps(stored.form_data)
    assert set(stored.form_data) == set(VALID_INQUIRY)  # no honeypot, token or address
    field_names = {field.name for field in FormSubmission._meta.get_fields()}
    assert field_names == {"id", "form_data", "page", "submit_time"}


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("your_name", "", "Please answer this question."),
        ("email", "", "Please answer this question."),
        ("email", "sam(at)example", "Please enter an email address, like name@example.com."),
        ("your_name", "x" * 256, "Please make this shorter: at most 255 characters (it has 256)."),
        ("message", "x" * (MULTILINE_MAX_LENGTH + 1), "at most 5000 characters (it has 5001)"),
    ],
)
def test_bad_answer_is_explained_next_to_its_field_and_other_answers_kept(
    client, form_page, field, value, message
):
    response = send(client, form_page, {**VALID_INQUIRY, field: value})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert errors_next_to(html, f"id_{field}")
    assert "Please check your answers" in html
    assert f'<a href="#id_{field}">' in html  # the summary links to the field
    for other, kept in VALID_INQUIRY.items():
        if other != field:
            assert kept in html
    assert not FormSubmission.objects.exists()


def test_optional_checkbox_and_choice_questions_are_stored(client, form_page):
    FormFieldFactory(page=form_page, label="Call me", field_type="checkbox", required=False)
    FormFieldFactory(
        page=form_page, label="Topics", field_type="checkboxes", choices="Groups\nEvents"
    )
    send(client, form_page, {**VALID_INQUIRY, "call_me": "on", "topics": ["Groups", "Events"]})
    data = FormSubmission.objects.get().form_data
    assert data["call_me"] is True and data["topics"] == ["Groups", "Events"]


def test_filled_honeypot_is_refused_and_the_visitor_can_send_again(client, form_page):
    response = client.post(form_page.url, {**human(VALID_INQUIRY), "homepage": "buy pills"})
    html = response.content.decode()
    assert "A box meant to catch spam robots was filled in" in html
    assert "buy pills" not in html
    assert VALID_INQUIRY["message"] in html
    assert not FormSubmission.objects.exists()


def test_form_sent_too_fast_is_refused_with_answers_kept(client, form_page):
    response = client.post(form_page.url, human(VALID_INQUIRY, seconds_ago=0))
    html = response.content.decode()
    assert "That was sent very quickly" in html
    assert VALID_INQUIRY["your_name"] in html
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize("token", ["", "forged:token", "MTAw:1xVSHM:not-our-signature"])
def test_missing_or_forged_time_token_is_refused(client, form_page, token):
    response = client.post(form_page.url, {**VALID_INQUIRY, "form_started": token})
    assert "could not be checked. Please send again." in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_refused_form_carries_a_fresh_token_that_works_after_a_pause(client, form_page, settings):
    refused = client.post(form_page.url, {**VALID_INQUIRY, "form_started": "forged"})
    fresh = refused.context["form"].data["form_started"]
    settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS = 0
    client.post(form_page.url, {**VALID_INQUIRY, "form_started": fresh})
    assert FormSubmission.objects.count() == 1


def cached_form_token(client, page):
    """The time token in the page as the page cache serves it to a second visitor."""
    SiteSettingsFactory()  # made by a site's first visit otherwise, a change that empties the cache
    first, cached = client.get(page.url), client.get(page.url)
    token = re.search(r'name="form_started" value="([^"]+)"', cached.content.decode())[1]
    assert cached.content == first.content and token in first.content.decode()
    return token


def wait(monkeypatch, seconds):
    """Move the clock on, as for a visitor who comes back to the form later."""
    later = time.time() + seconds
    monkeypatch.setattr(time, "time", lambda: later)


@pytest.mark.parametrize("cache_timeout", [300, 3 * 24 * 60 * 60])
def test_a_cached_form_is_taken_as_late_as_the_caches_and_a_day_of_filling_in_allow(
    client, form_page, settings, monkeypatch, cache_timeout
):
    settings.PEER_SUPPORT_PAGE_CACHE_TIMEOUT = cache_timeout
    token = cached_form_token(client, form_page)
    wait(monkeypatch, cache_timeout + settings.PEER_SUPPORT_PAGE_CACHE_MAX_AGE + FILLING_TIME - 60)
    response = client.post(form_page.url, {**VALID_INQUIRY, "homepage": "", "form_started": token})
    assert form_page.thank_you_text in response.content.decode()
    assert FormSubmission.objects.count() == 1


def test_a_form_kept_longer_is_refused_with_answers_kept_and_a_fresh_token(
    client, form_page, monkeypatch
):
    token = cached_form_token(client, form_page)
    wait(monkeypatch, token_max_age() + 1)
    refused = client.post(form_page.url, {**VALID_INQUIRY, "form_started": token})
    assert "This form was open too long" in refused.content.decode()
    assert VALID_INQUIRY["message"] in refused.content.decode()
    wait(monkeypatch, 60)  # the visitor checks the answers and sends again
    client.post(
        form_page.url,
        {**VALID_INQUIRY, "form_started": refused.context["form"].data["form_started"]},
    )
    assert FormSubmission.objects.count() == 1


def test_too_many_posts_from_one_address_get_a_readable_429_with_answers_kept(
    client, form_page, settings
):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert send(client, form_page, VALID_INQUIRY).status_code == 200
    response = send(client, form_page, VALID_INQUIRY)
    html = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600  # seconds until the hour's count starts again
    assert "Please wait before sending again" in html
    assert VALID_INQUIRY["message"] in html
    assert "<footer" in html  # the whole page, not a bare error
    assert FormSubmission.objects.count() == 2
    other_visitor = send(client, form_page, VALID_INQUIRY, REMOTE_ADDR="198.51.100.9")
    assert other_visitor.status_code == 200


def test_notice_email_says_where_to_read_it_without_the_answers(client, form_page):
    send(client, form_page, VALID_INQUIRY)
    (notice,) = mail.outbox
    assert notice.to == [form_page.to_address]
    assert f"/admin/forms/submissions/{form_page.pk}/" in notice.body
    for answer in VALID_INQUIRY.values():
        assert answer not in notice.body


def test_submission_is_stored_before_the_notice_is_sent(client, form_page, monkeypatch):
    stored_when_sending = []

    def record(self, messages):
        stored_when_sending.append(FormSubmission.objects.count())
        return len(messages)

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", record)
    send(client, form_page, VALID_INQUIRY)
    assert stored_when_sending == [1]


@pytest.mark.parametrize("failure", [smtplib.SMTPServerDisconnected, ConnectionRefusedError])
def test_mail_failure_keeps_the_submission_thanks_the_visitor_and_is_logged(
    client, admin_client, form_page, monkeypatch, caplog, failure
):
    def fail(self, messages):
        raise failure("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", fail)
    with caplog.at_level(logging.ERROR, logger="contact.mail"):
        response = send(client, form_page, VALID_INQUIRY)
    assert response.status_code == 200
    assert form_page.thank_you_text in response.content.decode()
    assert FormSubmission.objects.filter(page=form_page).count() == 1
    assert "Could not email the notice for form 'Inquire about our services'" in caplog.text
    for answer in VALID_INQUIRY.values():
        assert answer not in caplog.text
    listing = admin_client.get(f"/admin/forms/submissions/{form_page.pk}/")
    assert VALID_INQUIRY["message"] in listing.content.decode()


def test_form_without_notice_address_sends_no_email(client, form_page):
    FormPage.objects.filter(pk=form_page.pk).update(to_address="")
    send(client, form_page, VALID_INQUIRY)
    assert FormSubmission.objects.count() == 1
    assert mail.outbox == []
