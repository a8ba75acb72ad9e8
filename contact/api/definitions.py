"""What the forms' routes answer: a form's definition, enough to render it, and the receipts."""

from datetime import datetime, timedelta
from typing import Literal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Field, Schema
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES
from wagtail.rich_text import expand_db_html

from cms.conf import app_settings
from contact.forms import NewsletterSignupForm
from contact.models import NewsletterPage
from contact.protection import HONEYPOT, STARTED, token_max_age

FieldType = Literal[tuple(code for code, _label in FORM_FIELD_CHOICES)]


class FormFieldOut(Schema):
    name: str = Field(description="The key of this answer in the body's `answers`.")
    label: str
    type: FieldType = Field(
        description="What to send: a string for singleline, multiline, email, url, hidden, "
        "date (YYYY-MM-DD), datetime (YYYY-MM-DDTHH:MM), dropdown and radio (one of `choices`); "
        "a number or a string for number; true or false for checkbox; a list of `choices` for "
        "checkboxes and multiselect."
    )
    required: bool
    help_text: str
    max_length: int | None = Field(description="The most characters accepted, if limited.")
    choices: list[str]
    default: str | bool | list[str] = Field(description="The answer to start with.")


class PrivacyOut(Schema):
    keeps_answers: bool = Field(description="False: the answers are emailed, never kept here.")
    keep_days: int | None = Field(description="Days the answers are kept, then deleted.")
    lines: list[str] = Field(description="The standard privacy notice: show it by the form.")
    notice: str = Field(description="HTML: anything more the organisation says; may be empty.")


class ProtectionOut(Schema):
    token: str = Field(description="Send it back as `token`: when this definition was made.")
    token_expires_at: datetime = Field(description="After this, get the definition again.")
    minimum_seconds: int = Field(
        description="Posts sooner than this after the token was made are refused as a robot's."
    )
    honeypot_label: str = Field(
        description="Render a text input with this label hidden from people (off-screen, "
        "aria-hidden, tabindex=-1, autocomplete=off; not type=hidden) and send its value as "
        "`honeypot`: robots fill it in, and what they send is then dropped."
    )


class FormOut(Schema):
    id: int
    type: Literal["contact.FormPage", "contact.NewsletterPage"]
    title: str
    locale: str = Field(description="The language of the page's texts, e.g. `fr`.")
    intro: str = Field(description="HTML to show above the form.")
    thank_you_text: str = Field(description="HTML to show once the form is sent.")
    submit_label: str = Field(description="The send button's words.")
    submit_url: str = Field(description="Where to POST the answers, as JSON.")
    fields: list[FormFieldOut]
    privacy: PrivacyOut
    protection: ProtectionOut


class ReceiptOut(Schema):
    receipt: str = Field(description="This message's number, also in the volunteers' email.")
    thank_you_text: str = Field(description="HTML to show now.")


class SubscriptionOut(Schema):
    detail: str = Field(description="What to tell the visitor: a link to confirm is on its way.")
    confirmation_days: int = Field(description="Days the link works.")


def definition(page):
    """A form page's definition, or the newsletter page's signup's, in the active language."""
    if isinstance(page, NewsletterPage):
        form, types = NewsletterSignupForm(), NewsletterSignupForm.field_types
        submit_label, thank_you_text = gettext("Sign up"), ""
        submit_url = reverse("wagtailapi_v3:newsletter_subscriptions")
        privacy = {"keeps_answers": True, "keep_days": None}
    else:
        form = page.get_form(page=page, user=None)
        types = {field.clean_name: field.field_type for field in page.get_form_fields()}
        submit_label, thank_you_text = gettext("Send"), expand_db_html(page.thank_you_text)
        submit_url = reverse("wagtailapi_v3:form_submissions", kwargs={"page_id": page.pk})
        keep_days = page.keep_days if page.stores_answers else None
        privacy = {"keeps_answers": page.stores_answers, "keep_days": keep_days}
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label,
        "title": page.title,
        "locale": page.locale.language_code,
        "intro": expand_db_html(page.intro),
        "thank_you_text": thank_you_text,
        "submit_label": submit_label,
        "submit_url": submit_url,
        "fields": [field_definition(form[name], types[name]) for name in types],
        "privacy": {
            **privacy,
            "lines": page.privacy_lines(),
            "notice": expand_db_html(page.privacy_notice),
        },
        "protection": protection(form),
    }


def field_definition(bound_field, field_type):
    field = bound_field.field
    choices = [str(value) for value, _label in getattr(field, "choices", []) if value != ""]
    return {
        "name": bound_field.name,
        "label": str(field.label),
        "type": field_type,
        "required": field.required,
        "help_text": str(field.help_text),
        "max_length": getattr(field, "max_length", None),
        "choices": choices,
        "default": default_answer(bound_field.initial, field_type),
    }


def default_answer(initial, field_type):
    """The question's starting answer as it is sent back (Django's checkbox rule: any text ticks)."""
    if field_type == "checkbox":
        return initial not in (False, None, "")
    if field_type in ("checkboxes", "multiselect"):
        return [str(value) for value in initial or [] if value != ""]
    return "" if initial is None else str(initial)


def protection(form):
    """The signed time token (as the HTML form holds it) and what a front end must know of it."""
    token = form[STARTED].initial
    expires_at = timezone.now() + timedelta(seconds=token_max_age())
    return {
        "token": token,
        "token_expires_at": expires_at,
        "minimum_seconds": app_settings.FORM_MINIMUM_SECONDS,
        "honeypot_label": str(form.fields[HONEYPOT].label),
    }
