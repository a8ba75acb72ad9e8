"""Factories for form pages, their questions, the newsletter page, subscribers and answers."""

import time

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from contact.models import FormField, FormPage, NewsletterPage, NewsletterSubscriber
from contact.protection import started_token


class FormPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    intro = factory.LazyFunction(lambda: "<p>Tell us what you need.</p>")
    thank_you_text = factory.Sequence(lambda n: f"<p>Thank you, message {n} arrived.</p>")
    to_address = factory.Faker("email")

    class Meta:
        model = FormPage


class FormFieldFactory(DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = FormField


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = "Newsletter"
    slug = "newsletter"
    intro = factory.LazyFunction(lambda: "<p>News about groups and events.</p>")

    class Meta:
        model = NewsletterPage


class NewsletterSubscriberFactory(DjangoModelFactory):
    email = factory.Faker("email")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = NewsletterSubscriber


def inquiry_form(parent, **kwargs):
    """A form page asking for a name, an email address and a message, all required."""
    page = FormPageFactory(parent=parent, **kwargs)
    FormFieldFactory(page=page, label="Your name")
    FormFieldFactory(page=page, label="Email", field_type="email")
    FormFieldFactory(page=page, label="Message", field_type="multiline")
    return page


def human(answers, seconds_ago=60):
    """Answers as a person sends them: honeypot empty, form opened a while ago."""
    return {**answers, "homepage": "", "form_started": started_token(time.time() - seconds_ago)}


VALID_INQUIRY = {
    "your_name": "Sam Rivera",
    "email": "sam@example.org",
    "message": "Do you run groups for families?",
}
