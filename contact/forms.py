"""The visitor-facing forms: the form builder's forms and the newsletter signup."""

import django.forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from contact.protection import SpamProtectedForm

MULTILINE_MAX_LENGTH = 5000
CHECKBOX_TEMPLATE = (
    "contact/forms/checkbox_field.html"  # in the app: form renderers search apps only
)
# Kinder, plainer words than Django's defaults ("This field is required.") for every question.
ERROR_MESSAGES = {
    "required": _("Please answer this question."),
    "max_length": _(
        "Please make this shorter: at most %(limit_value)d characters (it has %(show_value)d)."
    ),
}
INVALID_EMAIL = _("Please enter an email address, like name@example.com.")


class ProtectedBaseForm(SpamProtectedForm, BaseForm):
    """Wagtail's form-builder base form with the spam protection fields."""


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder, with a length limit on long answers and spam protection."""

    def get_field_options(self, field):
        return {**super().get_field_options(field), "error_messages": ERROR_MESSAGES}

    def create_email_field(self, field, options):
        options["error_messages"] = {**options["error_messages"], "invalid": INVALID_EMAIL}
        return super().create_email_field(field, options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_checkbox_field(self, field, options):
        return django.forms.BooleanField(template_name=CHECKBOX_TEMPLATE, **options)

    def get_form_class(self):
        return type("ContactForm", (ProtectedBaseForm,), self.formfields)


class NewsletterSignupForm(SpamProtectedForm):
    """An email address and the visitor's consent to receive the newsletter."""

    field_types = {"email": "email", "consent": "checkbox"}  # as the form builder names them

    email = django.forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": INVALID_EMAIL,
        },
    )
    consent = django.forms.BooleanField(
        template_name=CHECKBOX_TEMPLATE,
        label=_("Yes, email me the newsletter. I can unsubscribe at any time."),
        error_messages={"required": _("Please tick the box to say you want the newsletter.")},
    )
