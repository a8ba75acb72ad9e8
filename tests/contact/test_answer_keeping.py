"""Each form keeps only what its volunteers chose: answers for N days, or nothing (email only)."""

import logging
import smtplib

import pytest
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from contact.models import FormPage
from contact.models.pages import AnswerKeeping
from tests.cms.factories import SiteSettingsFactory
from tests.contact.factories import VALID_INQUIRY, human

pytestmark = pytest.mark.django_db


@pytest.fixture
def email_only(form_page):
    form_page.answers = AnswerKeeping.EMAIL_ONLY
    form_page.save()
    return form_page


@pytest.fixture
def mail_server_down(monkeypatch):
    def fail(self, messages):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", fail)


def send(client, page, answers=VALID_INQUIRY):
    return client.post(page.url, human(answers))


@pytest.mark.parametrize(
    "days, sentence",
    [
        (
            30,
            "Your answers and the date you sent them are kept on this website for 30 days, "
            "then deleted.",
        ),
        (1, "kept on this website for 1 day, then deleted."),
    ],
)
def test_privacy_notice_says_how_long_this_form_keeps_answers(client, form_page, days, sentence):
    form_page.keep_days = days
    form_page.save()
    html = client.get(form_page.url).content.decode()
    assert sentence in html
    assert "not kept on this website" not in html


def test_privacy_notice_of_an_email_only_form_says_nothing_is_kept(client, email_only):
    html = client.get(email_only.url).content.decode()
    assert (
        "Your answers are emailed to the volunteers who look after this form, so that one of "
        "them can reply, and are not kept on this website." in html
    )
    assert "days, then deleted" not in html


def test_email_only_form_emails_the_answers_stores_nothing_and_thanks(client, email_only):
    response = send(client, email_only)
    assert email_only.thank_you_text in response.content.decode()
    assert FormSubmission.objects.count() == 0
    (message,) = mail.outbox
    assert message.to == [email_only.to_address]
    for answer in VALID_INQUIRY.values():
        assert answer in message.body
    assert "not kept on the website" in message.body


def test_email_only_form_whose_email_fails_asks_the_visitor_to_call_and_logs_no_answer(
    client, email_only, mail_server_down, caplog
):
    SiteSettingsFactory(phone="519-555-0199")
    with caplog.at_level(logging.ERROR, logger="contact.mail"):
        response = send(client, email_only)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your message could not be sent" in html
    assert "your message has not reached anyone" in html
    assert 'Please call us instead at <a href="tel:5195550199">519-555-0199</a>' in html
    assert VALID_INQUIRY["message"] in html  # the answers are still in the form, to copy
    assert FormSubmission.objects.count() == 0
    (record,) = caplog.records
    assert "Could not email the answers sent through form 'Inquire about our services'" in (
        record.getMessage()
    )
    assert "nothing was stored" in record.getMessage()
    logged = caplog.text + str(record.exc_info)
    for answer in VALID_INQUIRY.values():
        assert answer not in logged


def test_stored_form_whose_email_fails_keeps_the_answers_and_thanks(
    client, form_page, mail_server_down
):
    response = send(client, form_page)
    assert response.status_code == 200
    assert form_page.thank_you_text in response.content.decode()
    assert FormSubmission.objects.get().form_data == VALID_INQUIRY


@pytest.mark.parametrize("answers", [AnswerKeeping.STORE, AnswerKeeping.EMAIL_ONLY])
def test_pages_showing_answers_are_never_cached(client, form_page, answers):
    FormPage.objects.filter(pk=form_page.pk).update(answers=answers)
    thanks = send(client, form_page)
    refused = send(client, form_page, {**VALID_INQUIRY, "email": "not an address"})
    for response in (thanks, refused):
        assert "no-store" in response["Cache-Control"]
    fresh_visit = Client().get(form_page.url).content.decode()
    for answer in VALID_INQUIRY.values():
        assert answer not in fresh_visit


def test_error_reports_leave_out_what_the_visitor_wrote(form_page, settings, monkeypatch):
    settings.ADMINS = [("Site admin", "admin@example.org")]

    def break_down(**fields):
        raise RuntimeError("database went away")

    monkeypatch.setattr(FormSubmission.objects, "create", break_down)
    response = send(Client(raise_request_exception=False), form_page)
    assert response.status_code == 500
    (report,) = [message for message in mail.outbox if "admin@example.org" in message.to]
    everything = report.body + "".join(content for content, _ in report.alternatives)
    assert "database went away" in everything  # a real report, just without the answers
    for answer in VALID_INQUIRY.values():
        assert answer not in everything
