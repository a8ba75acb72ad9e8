"""Emails about something already stored: a failing mail server is logged, never shown to visitors."""

import logging
import smtplib

from wagtail.admin.mail import send_mail

logger = logging.getLogger(__name__)


def send_or_log(subject, body, recipients, from_email=None, *, about):
    """Send an automatic email; if the mail server fails, log it and carry on."""
    try:
        send_mail(subject, body, recipients, from_email)
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not email %s; what it is about is stored.", about)
