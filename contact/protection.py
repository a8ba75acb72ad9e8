"""Spam protection without third-party trackers: a honeypot, a minimum-time token, a rate limit.

The forms' pages are served from the page cache, so a time token records when its page was
rendered, which is at or before the moment the visitor saw it: a person is never refused as too
quick, and a robot fetching a page rendered a while ago passes the minimum time (the honeypot and
rate limit still apply).
"""

import time
from uuid import uuid4

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from cms.conf import app_settings

HONEYPOT = "homepage"
STARTED = "form_started"
STARTED_SALT = "contact.form-started"
# How long a visitor may take over a form once they have it.
FILLING_TIME = 24 * 60 * 60
RATE_LIMIT_GROUP = "contact-forms"


def started_token(started=None):
    """A signed record of when the visitor was shown the form."""
    return signing.dumps(time.time() if started is None else started, salt=STARTED_SALT)


def token_max_age():
    """Seconds a token stays good: the page cache, then browsers, may keep its page first."""
    return app_settings.PAGE_CACHE_TIMEOUT + app_settings.PAGE_CACHE_MAX_AGE + FILLING_TIME


def seconds_since(token):
    """How long ago the form behind this token was rendered; None if forged or too old."""
    try:
        started = signing.loads(token, salt=STARTED_SALT, max_age=token_max_age())
    except signing.BadSignature:
        return None
    return time.time() - started


class SpamProtectedForm(forms.Form):
    """Adds a hidden honeypot box and the time token; neither is kept with the answers."""

    required_css_class = "required"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.caught_by_honeypot = False
        self.receipt = uuid4().hex  # a number for this message that says nothing about it
        self.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this box empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=started_token
        )

    def answer_fields(self):
        """The fields a visitor fills in, without the honeypot."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT]

    def honeypot_field(self):
        return self[HONEYPOT]

    def clean(self):
        cleaned_data = super().clean()
        elapsed = seconds_since(cleaned_data.pop(STARTED, "") or "")
        if cleaned_data.pop(HONEYPOT, ""):
            self.caught_by_honeypot = True
            self.reject(
                _("A box meant to catch spam robots was filled in. Please send again."), "honeypot"
            )
        elif elapsed is None:
            self.reject(
                _("This form was open too long or could not be checked. Please send again."),
                "token_invalid",
            )
        elif elapsed < app_settings.FORM_MINIMUM_SECONDS:
            self.reject(
                _("That was sent very quickly. Please check your answers and send again."),
                "too_quick",
            )
        return cleaned_data

    def reject(self, message, code):
        """Show the message above the form and give the visitor a fresh, clean try."""
        self.add_error(None, forms.ValidationError(message, code=code))
        self.data = self.data.copy()
        self.data[HONEYPOT] = ""
        self.data[STARTED] = started_token()


def rate_limited(request):
    """Count a form post from this IP address; once it is over FORM_RATE_LIMIT, the seconds to
    wait before posting again (at least 1), else 0."""
    usage = get_usage(
        request,
        group=RATE_LIMIT_GROUP,
        key="ip",
        rate=app_settings.FORM_RATE_LIMIT,
        method="POST",
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return 0
    return max(usage["time_left"], 1)
