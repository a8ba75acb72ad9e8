"""Newsletter signup from any page's footer, with double opt-in and a working unsubscribe link."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from contact.models import NewsletterSubscriber
from tests.contact.factories import NewsletterSubscriberFactory, human
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db
SIGNUP = {"email": "Robin@Example.org", "consent": "on"}


def confirmation_link(message):
    return re.search(r"http://\S+/confirm/\?token=\S+", message.body).group(0)


def path_of(link):
    return link.removeprefix("http://localhost")


def sign_up(client, newsletter_page, answers=SIGNUP):
    return client.post(newsletter_page.url, human(answers))


def test_footer_on_every_page_has_the_signup_form_and_a_privacy_note(
    client, home_page, newsletter_page
):
    page = ContentPageFactory(parent=home_page, body__0="paragraph")
    for url in ("/en/", page.url):
        html = client.get(url).content.decode()
        footer = html[html.index("<footer") :]
        assert 'action="/en/newsletter-signup/"' in footer
        assert 'name="consent"' in footer
        assert f'href="{newsletter_page.url}#privacy-notice-heading"' in footer
        assert "We keep only your email address" in footer


def test_newsletter_page_has_the_form_and_says_what_is_kept_and_for_how_long(
    client, newsletter_page
):
    html = client.get(newsletter_page.url).content.decode()
    assert 'name="email"' in html and 'name="consent"' in html
    assert "If you do not confirm within 7 days, we delete your address." in html
    assert "When you unsubscribe, we delete your address." in html
    assert html.count('name="consent"') == 1  # no second signup form in its footer


def test_rate_limit_counts_the_address_the_proxy_names(client, newsletter_page, settings):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = "1/h"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    assert sign_up_from(client, newsletter_page, "203.0.113.1").status_code == 200
    assert sign_up_from(client, newsletter_page, "203.0.113.2").status_code == 200
    assert sign_up_from(client, newsletter_page, "203.0.113.1").status_code == 429


def sign_up_from(client, newsletter_page, address):
    return client.post(newsletter_page.url, human(SIGNUP), HTTP_X_REAL_IP=address)


def test_footer_has_no_signup_form_without_a_newsletter_page(client, home_page):
    assert 'name="consent"' not in client.get("/en/").content.decode()


def test_signup_stores_an_unconfirmed_address_and_emails_a_link(client, newsletter_page):
    response = sign_up(client, newsletter_page)
    assert "Please check your email" in response.content.decode()
    subscriber = NewsletterSubscriber.objects.get()
    assert subscriber.email == "robin@example.org" and not subscriber.confirmed
    (message,) = mail.outbox
    assert message.to == ["robin@example.org"]
    assert confirmation_link(message).startswith(f"http://localhost{newsletter_page.url}confirm/")


def test_double_opt_in_confirm_then_unsubscribe_deletes_the_address(client, newsletter_page):
    sign_up(client, newsletter_page)
    link = path_of(confirmation_link(mail.outbox[0]))

    shown = client.get(link)  # mail programs that open links must not confirm
    assert "Yes, send me the newsletter" in shown.content.decode()
    assert not NewsletterSubscriber.objects.get().confirmed

    confirmed = client.post(link)
    assert "You are signed up" in confirmed.content.decode()
    assert NewsletterSubscriber.objects.get().confirmed
    unsubscribe = path_of(confirmed.context["unsubscribe_link"])

    assert "Press the button to stop" in client.get(unsubscribe).content.decode()
    done = client.post(unsubscribe, follow=True)
    assert "You are unsubscribed" in done.content.decode()
    assert not NewsletterSubscriber.objects.exists()
    assert "You are not subscribed" in client.get(unsubscribe).content.decode()


def test_expired_or_altered_confirmation_link_asks_to_sign_up_again(
    client, newsletter_page, settings, monkeypatch
):
    sign_up(client, newsletter_page)
    link = path_of(confirmation_link(mail.outbox[0]))
    altered = link.replace("token=", "token=x")
    assert "This link has expired" in client.post(altered).content.decode()
    later = (
        time.time()
        + timedelta(
            days=settings.PEER_SUPPORT_NEWSLETTER_CONFIRMATION_DAYS, hours=1
        ).total_seconds()
    )
    monkeypatch.setattr(time, "time", lambda: later)
    assert "This link has expired" in client.post(link).content.decode()
    assert not NewsletterSubscriber.objects.get().confirmed


def test_signing_up_again_sends_a_new_link_without_a_duplicate(client, newsletter_page):
    sign_up(client, newsletter_page)
    sign_up(client, newsletter_page, {**SIGNUP, "email": "robin@example.org"})
    assert NewsletterSubscriber.objects.count() == 1
    assert len(mail.outbox) == 2


def test_confirmed_subscriber_signing_up_again_gets_no_email(client, newsletter_page):
    NewsletterSubscriberFactory(email="robin@example.org")
    response = sign_up(client, newsletter_page)
    assert "Please check your email" in response.content.decode()  # reveals nothing
    assert mail.outbox == []


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"email": "robin@example.org"}, "Please tick the box to say you want the newsletter."),
        ({"consent": "on"}, "Please enter your email address."),
        (
            {"email": "robin.example.org", "consent": "on"},
            "Please enter an email address, like name@example.com.",
        ),
    ],
)
def test_bad_signup_is_explained_and_keeps_what_was_typed(
    client, newsletter_page, answers, message
):
    html = sign_up(client, newsletter_page, answers).content.decode()
    assert message in html
    if "email" in answers:
        assert f'value="{answers["email"]}"' in html
    assert not NewsletterSubscriber.objects.exists()


def test_signup_honeypot_and_rate_limit(client, newsletter_page, settings):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = "1/h"
    trapped = client.post(newsletter_page.url, {**human(SIGNUP), "homepage": "x"})
    assert "catch spam robots" in trapped.content.decode()
    limited = sign_up(client, newsletter_page)
    assert limited.status_code == 429
    assert "Please wait before sending again" in limited.content.decode()
    assert not NewsletterSubscriber.objects.exists()


def test_signup_needs_no_csrf_token_but_confirming_does(newsletter_page):
    client = Client(enforce_csrf_checks=True)
    assert "Please check your email" in sign_up(client, newsletter_page).content.decode()
    subscriber = NewsletterSubscriber.objects.get()
    confirm = f"{newsletter_page.url}confirm/?token={subscriber.confirm_token()}"
    assert client.post(confirm).status_code == 403
    assert 'name="csrfmiddlewaretoken"' in client.get(confirm).content.decode()
    assert not NewsletterSubscriber.objects.get().confirmed


def test_footer_signup_needs_no_csrf_token_but_keeps_every_spam_check(newsletter_page, settings):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = "2/h"
    client = Client(enforce_csrf_checks=True)
    robot = client.post(
        "/en/newsletter-signup/", {**human(SIGNUP), "homepage": "http://spam.example"}
    )
    assert "form-alert" in robot.content.decode()
    assert not NewsletterSubscriber.objects.exists()
    assert (
        "Please check your email"
        in client.post("/en/newsletter-signup/", human(SIGNUP)).content.decode()
    )
    assert NewsletterSubscriber.objects.get().email == "robin@example.org"
    assert client.post("/en/newsletter-signup/", human(SIGNUP)).status_code == 429


def test_footer_signup_only_takes_posts_and_needs_a_newsletter_page(client, home_page):
    assert client.get("/en/newsletter-signup/").status_code == 405
    assert client.post("/en/newsletter-signup/", human(SIGNUP)).status_code == 404


def test_mail_failure_keeps_the_signup_and_tells_the_visitor_to_check_email(
    client, newsletter_page, monkeypatch, caplog
):
    def fail(self, messages):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", fail)
    response = sign_up(client, newsletter_page)
    assert "Please check your email" in response.content.decode()
    assert "Could not email a newsletter confirmation link" in caplog.text
    assert NewsletterSubscriber.objects.filter(email="robin@example.org").exists()


def test_old_unconfirmed_signup_is_resent_with_a_fresh_date(client, newsletter_page):
    old = timezone.now() - timedelta(days=3)
    NewsletterSubscriberFactory(email="robin@example.org", confirmed_at=None, signed_up_at=old)
    sign_up(client, newsletter_page)
    assert NewsletterSubscriber.objects.get().signed_up_at > old
