"""Emails from the forms, and what a failing mail server means for each.

A failure is logged by what the email was about and the error's kind only: never its text or a
traceback, which could carry what a visitor wrote.
"""

import logging
import smtplib

from wagtail.admin.mail import send_mail

logger = logging.getLogger(__name__)
MAIL_ERRORS = (smtplib.SMTPException, OSError)


class NotSent(Exception):
    """An email-only form's answers could not be sent; the visitor's form goes with it."""

    def __init__(self, form):
        super().__init__("The answers could not be emailed.")
        self.form = form


def send_or_log(subject, body, recipients, from_email=None, *, about):
    """Send an email about something already stored; if the mail server fails, log it, carry on."""
    try:
        send_mail(subject, body, recipients, from_email)
    except MAIL_ERRORS as error:
        log_failure(about, error, "what it is about is stored")


def send_or_raise(subject, body, recipients, from_email=None, *, about, form):
    """Send what is kept nowhere else; if the mail server fails, log it and raise NotSent."""
    try:
        send_mail(subject, body, recipients, from_email)
    except MAIL_ERRORS as error:
        log_failure(about, error, "nothing was stored, and the visitor was asked to call instead")
        raise NotSent(form) from None


def log_failure(about, error, outcome):
    logger.error("Could not email %s (%s); %s.", about, type(error).__name__, outcome)
