"""Forms through the API: a front end reads a form's definition and sends it as JSON, with the
same checks, protection, email and keeping as the HTML form."""

import json
import smtplib
import time

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from contact.forms import MULTILINE_MAX_LENGTH
from contact.models import NewsletterSubscriber
from contact.protection import seconds_since, started_token, token_max_age
from tests.contact.factories import (
    VALID_INQUIRY,
    FormFieldFactory,
    NewsletterSubscriberFactory,
    human,
)
from tests.home.factories import ContentPageFactory, translated

pytestmark = pytest.mark.django_db


def definition_of(client, page, **query):
    response = client.get(f"/api/v3/forms/{page.pk}/", query)
    assert response.status_code == 200, response.content
    return response.json()


def body(answers, seconds_ago=60, **extra):
    """A JSON body as a person's front end sends it: trap empty, definition read a while ago."""
    return {"answers": answers, "token": started_token(time.time() - seconds_ago), **extra}


def send(client, page, payload, locale=None, **headers):
    url = f"/api/v3/forms/{page.pk}/submissions/" + (f"?locale={locale}" if locale else "")
    return client.post(url, json.dumps(payload), content_type="application/json", **headers)


def errors_of(response):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {tuple(error["loc"]): error["msg"] for error in response.json()["errors"]}


def test_definition_has_each_question_as_the_html_form_asks_it(client, form_page):
    FormFieldFactory(
        page=form_page,
        label="How should we reply",
        field_type="radio",
        choices="By email\nBy phone",
        help_text="We reply within a week.",
        required=False,
    )
    FormFieldFactory(page=form_page, label="Days", field_type="checkboxes", choices="Mon,Tue")
    form = definition_of(client, form_page)

    assert form["id"] == form_page.pk and form["type"] == "contact.FormPage"
    assert form["title"] == "Inquire about our services" and form["locale"] == "en"
    assert form["intro"] == "<p>Tell us what you need.</p>"
    assert form["submit_url"] == f"/api/v3/forms/{form_page.pk}/submissions/"
    assert form["submit_label"] == "Send"
    name, email, message, reply, days = form["fields"]
    assert name == {
        "name": "your_name",
        "label": "Your name",
        "type": "singleline",
        "required": True,
        "help_text": "",
        "max_length": 255,
        "choices": [],
        "default": "",
    }
    assert (email["type"], message["max_length"]) == ("email", MULTILINE_MAX_LENGTH)
    assert reply["choices"] == ["By email", "By phone"] and reply["required"] is False
    assert reply["help_text"] == "We reply within a week."
    assert (days["type"], days["choices"], days["default"]) == ("checkboxes", ["Mon", "Tue"], [])


def test_definition_says_what_is_kept_and_carries_the_time_token(client, form_page):
    response = client.get(f"/api/v3/forms/{form_page.pk}/")
    form = response.json()

    assert form["privacy"]["keeps_answers"] is True and form["privacy"]["keep_days"] == 90
    assert "kept on this website for 90 days, then deleted." in form["privacy"]["lines"][0]
    assert "We do not record your IP address" in form["privacy"]["lines"][1]
    protection = form["protection"]
    assert 0 <= seconds_since(protection["token"]) < 5
    assert protection["minimum_seconds"] == 3
    assert protection["honeypot_label"] == "Leave this box empty"
    assert "Set-Cookie" not in response.headers


def test_definition_in_french_is_the_french_page_with_our_words_in_french(client, form_page):
    translated(form_page.get_parent().specific)
    french = translated(form_page, title="Demande de renseignements")
    french.form_fields.filter(clean_name="your_name").update(label="Votre nom")

    form = definition_of(client, form_page, locale="fr")

    assert (form["id"], form["locale"]) == (french.pk, "fr")
    assert form["title"] == "Demande de renseignements"
    assert form["fields"][0]["label"] == "Votre nom"
    assert form["submit_label"] == "Envoyer"
    assert "pendant 90 jours" in form["privacy"]["lines"][0]
    assert form["protection"]["honeypot_label"] != "Leave this box empty"
    assert definition_of(client, french)["locale"] == "fr"  # by default, the page's own


def test_newsletter_page_has_a_definition_too(client, newsletter_page):
    form = definition_of(client, newsletter_page)

    assert form["type"] == "contact.NewsletterPage"
    assert [(f["name"], f["type"]) for f in form["fields"]] == [
        ("email", "email"),
        ("consent", "checkbox"),
    ]
    assert form["submit_url"] == "/api/v3/newsletter/subscriptions/"
    assert "If you do not confirm within 7 days" in form["privacy"]["lines"][1]


@pytest.mark.parametrize("kind", ["content", "draft", "private", "missing"])
def test_what_is_not_a_live_public_form_is_404(client, home_page, form_page, kind):
    page_id = 999999
    if kind == "content":
        page_id = ContentPageFactory(parent=home_page).pk
    elif kind == "draft":
        form_page.unpublish()
        page_id = form_page.pk
    elif kind == "private":
        form_page.view_restrictions.create(restriction_type="password", password="secret")
        page_id = form_page.pk

    read = client.get(f"/api/v3/forms/{page_id}/")
    sent = client.post(
        f"/api/v3/forms/{page_id}/submissions/", body(VALID_INQUIRY), "application/json"
    )

    assert (read.status_code, sent.status_code) == (404, 404)
    assert sent["Content-Type"] == "application/problem+json"
    assert not FormSubmission.objects.exists()


def test_unknown_locale_is_400(client, form_page):
    response = client.get(f"/api/v3/forms/{form_page.pk}/?locale=de")
    assert response.status_code == 400
    assert "locale: 'de' is not one of en, fr." in response.json()["detail"]


def test_valid_answers_are_stored_once_and_the_answer_echoes_none_of_them(client, form_page):
    response = send(client, form_page, body(VALID_INQUIRY))

    assert response.status_code == 201
    answer = response.json()
    assert set(answer) == {"receipt", "thank_you_text"}
    assert answer["thank_you_text"] == form_page.thank_you_text
    assert FormSubmission.objects.get(page=form_page).form_data == VALID_INQUIRY
    (notice,) = mail.outbox
    assert answer["receipt"] in notice.body and "sam@example.org" not in notice.body
    assert "Set-Cookie" not in response.headers


def test_answers_of_every_kind_are_stored_as_the_html_form_stores_them(client, form_page):
    FormFieldFactory(page=form_page, label="Age", field_type="number", required=False)
    FormFieldFactory(page=form_page, label="Agree", field_type="checkbox")
    FormFieldFactory(page=form_page, label="Days", field_type="checkboxes", choices="Mon,Tue")
    answers = {**VALID_INQUIRY, "age": 42, "agree": True, "days": ["Tue"]}

    assert send(client, form_page, body(answers)).status_code == 201

    stored = FormSubmission.objects.get().form_data
    assert (stored["age"], stored["agree"], stored["days"]) == ("42", True, ["Tue"])


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("your_name", "", "Please answer this question."),
        ("email", "sam(at)example", "Please enter an email address, like name@example.com."),
        ("your_name", "x" * 256, "Please make this shorter: at most 255 characters (it has 256)."),
    ],
)
def test_bad_answer_is_400_with_its_error_under_its_name(client, form_page, field, value, message):
    response = send(client, form_page, body({**VALID_INQUIRY, field: value}))

    assert errors_of(response) == {("answers", field): message}
    assert response.json()["detail"] == "Please check your answers"
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_errors_are_in_the_language_asked_for(client, form_page):
    response = send(client, form_page, body({**VALID_INQUIRY, "your_name": ""}), locale="fr")

    assert errors_of(response) == {("answers", "your_name"): "Veuillez répondre à cette question."}
    assert response.json()["detail"] == "Veuillez vérifier vos réponses"


def test_missing_answer_unknown_question_and_wrong_kind_are_each_named(client, form_page):
    answers = {"email": ["sam@example.org"], "message": "Hello", "favourite_colour": "blue"}

    errors = errors_of(send(client, form_page, body(answers)))

    assert set(errors) == {
        ("answers", "email"),
        ("answers", "favourite_colour"),
        ("answers", "your_name"),
    }
    assert errors["answers", "your_name"] == "Please answer this question."
    assert "no question with this name" in errors["answers", "favourite_colour"]
    assert "wrong kind" in errors["answers", "email"]
    errors = errors_of(send(client, form_page, body({**VALID_INQUIRY, "your_name": None})))
    assert set(errors) == {("answers", "your_name")}


@pytest.mark.parametrize(
    "payload, loc",
    [
        ("{not json", ()),
        ("[]", ()),
        (json.dumps({"answers": VALID_INQUIRY}), ("token",)),
        (json.dumps({"answers": "hello", "token": "t"}), ("answers",)),
        (json.dumps({**human({}), "answers": VALID_INQUIRY, "extra": 1}), ("form_started",)),
    ],
)
def test_a_body_of_the_wrong_shape_is_400_naming_where(client, form_page, payload, loc):
    response = client.post(
        f"/api/v3/forms/{form_page.pk}/submissions/", payload, content_type="application/json"
    )
    assert loc in errors_of(response)
    assert not FormSubmission.objects.exists()


def test_filled_honeypot_is_thanked_alike_and_nothing_is_kept_or_sent(client, form_page):
    response = send(client, form_page, body(VALID_INQUIRY, honeypot="http://spam.example"))

    assert response.status_code == 201 and set(response.json()) == {"receipt", "thank_you_text"}
    assert not FormSubmission.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "later, token, message",
    [
        (0, started_token, "That was sent very quickly."),
        (0, lambda: "forged", "could not be checked"),
        (token_max_age() + 1, started_token, "open too long"),
    ],
)
def test_too_quick_forged_or_old_token_is_400_under_token(
    client, form_page, monkeypatch, later, token, message
):
    payload = {"answers": VALID_INQUIRY, "token": token()}
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + later)  # the visitor sends it this much later

    response = send(client, form_page, payload)

    assert message in errors_of(response)["token",]
    assert not FormSubmission.objects.exists()


def test_only_json_is_taken(client, form_page):
    response = client.post(f"/api/v3/forms/{form_page.pk}/submissions/", human(VALID_INQUIRY))

    assert response.status_code == 415
    assert response["Content-Type"] == "application/problem+json"
    assert not FormSubmission.objects.exists()


def test_too_many_posts_are_429_with_retry_after_counted_with_the_html_form(
    client, form_page, settings
):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = "2/h"
    assert client.post(form_page.url, human(VALID_INQUIRY)).status_code == 200
    assert send(client, form_page, body(VALID_INQUIRY)).status_code == 201

    response = send(client, form_page, body(VALID_INQUIRY))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert FormSubmission.objects.count() == 2


def test_email_only_form_sends_the_answers_and_keeps_none(client, form_page):
    form_page.answers = "email_only"
    form_page.save_revision().publish()

    assert send(client, form_page, body(VALID_INQUIRY)).status_code == 201

    assert not FormSubmission.objects.exists()
    assert "Do you run groups for families?" in mail.outbox[0].body


def test_email_only_form_whose_mail_fails_is_503_and_nothing_is_kept(
    client, form_page, monkeypatch
):
    form_page.answers = "email_only"
    form_page.save_revision().publish()

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected

    monkeypatch.setattr("contact.mail.send_mail", refuse)

    response = send(client, form_page, body(VALID_INQUIRY))

    assert response.status_code == 503
    assert "has not reached anyone" in response.json()["detail"]
    assert not FormSubmission.objects.exists()


def subscribe(client, payload, **headers):
    return client.post(
        "/api/v3/newsletter/subscriptions/",
        json.dumps(payload),
        content_type="application/json",
        **headers,
    )


def signup(email="Robin@Example.org", **extra):
    """A newsletter signup as a person's front end sends it."""
    return {"email": email, "consent": True, "token": body({})["token"], **extra}


def test_newsletter_signup_is_stored_unconfirmed_and_sent_a_link(client, newsletter_page):
    response = subscribe(client, signup())

    assert response.status_code == 202
    assert response.json() == {
        "detail": "We have sent you an email with a link. Open it within 7 days to confirm "
        "you want the newsletter; until then you are not signed up.",
        "confirmation_days": 7,
    }
    subscriber = NewsletterSubscriber.objects.get()
    assert subscriber.email == "robin@example.org" and not subscriber.confirmed
    (message,) = mail.outbox
    assert message.to == ["robin@example.org"] and "/confirm/?token=" in message.body


def test_newsletter_answer_does_not_tell_an_address_already_subscribed(client, newsletter_page):
    NewsletterSubscriberFactory(email="robin@example.org")

    response = subscribe(client, signup())

    assert response.status_code == 202
    assert response.json() == subscribe(client, signup("new@example.org")).json()
    assert [message.to for message in mail.outbox] == [["new@example.org"]]


def test_newsletter_signup_in_french_gets_french_mail_and_errors(client, newsletter_page):
    translated(newsletter_page.get_parent().specific)
    french = translated(newsletter_page, title="Infolettre", slug="infolettre")

    refused = subscribe(client, signup("robin(at)example", language="fr"))
    taken = subscribe(client, signup(language="fr"))

    assert errors_of(refused) == {
        ("email",): "Veuillez entrer une adresse courriel, comme nom@exemple.com."
    }
    assert taken.status_code == 202 and "Ouvrez-le" in taken.json()["detail"]
    assert mail.outbox[0].subject == "Veuillez confirmer votre abonnement : Infolettre"
    assert french.url in mail.outbox[0].body


@pytest.mark.parametrize(
    "payload, loc",
    [
        ({"consent": False}, ("consent",)),
        ({"email": ""}, ("email",)),
        ({"language": "de"}, ("language",)),
        ({"token": "forged"}, ("token",)),
    ],
)
def test_bad_newsletter_signup_is_400_naming_the_field(client, newsletter_page, payload, loc):
    assert loc in errors_of(subscribe(client, signup(**payload)))
    assert not NewsletterSubscriber.objects.exists() and not mail.outbox


def test_newsletter_honeypot_is_answered_alike_and_nothing_is_kept(client, newsletter_page):
    response = subscribe(client, signup(honeypot="spam"))

    assert response.status_code == 202
    assert not NewsletterSubscriber.objects.exists() and not mail.outbox


def test_newsletter_without_a_page_is_404_and_takes_only_json(client, home_page):
    assert subscribe(client, signup()).status_code == 404
    response = client.post("/api/v3/newsletter/subscriptions/", human({"email": "a@b.org"}))
    assert response.status_code == 415


def test_newsletter_signups_are_rate_limited_with_the_forms(client, newsletter_page, settings):
    settings.PEER_SUPPORT_FORM_RATE_LIMIT = "1/h"
    assert subscribe(client, signup()).status_code == 202

    response = subscribe(client, signup("other@example.org"))

    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert NewsletterSubscriber.objects.count() == 1


PARTNER = "https://front.example.org"


@pytest.fixture
def partner_front_end(settings):
    settings.PEER_SUPPORT_FORMS_API_ALLOWED_ORIGINS = [PARTNER]


def preflight(client, url, origin):
    return client.options(
        url,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )


@pytest.mark.parametrize(
    "path", ["/api/v3/forms/{}/submissions/", "/api/v3/newsletter/subscriptions/"]
)
def test_a_configured_front_end_may_post_from_the_browser(
    client, form_page, partner_front_end, path
):
    response = preflight(client, path.format(form_page.pk), PARTNER)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert response["Access-Control-Allow-Methods"] == "POST, OPTIONS"
    assert "content-type" in response["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in response["Vary"].lower()


def test_another_site_may_not_post_from_the_browser_but_may_read(
    client, form_page, partner_front_end
):
    url = f"/api/v3/forms/{form_page.pk}/submissions/"
    refused = preflight(client, url, "https://elsewhere.example")
    read = client.get(f"/api/v3/forms/{form_page.pk}/", HTTP_ORIGIN="https://elsewhere.example")

    assert "Access-Control-Allow-Origin" not in refused
    assert read["Access-Control-Allow-Origin"] == "*"


def test_the_post_answer_is_readable_by_the_configured_front_end_only(
    client, form_page, partner_front_end
):
    taken = send(client, form_page, body(VALID_INQUIRY), HTTP_ORIGIN=PARTNER)
    other = send(client, form_page, body(VALID_INQUIRY), HTTP_ORIGIN="https://elsewhere.example")

    assert taken["Access-Control-Allow-Origin"] == PARTNER
    assert "Retry-After" in taken["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in other


def test_without_configured_front_ends_no_site_may_post_from_the_browser(client, form_page):
    response = preflight(client, f"/api/v3/forms/{form_page.pk}/submissions/", PARTNER)

    assert "Access-Control-Allow-Origin" not in response
