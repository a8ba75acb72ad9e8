"""Webhook subscribers, the deliveries owed to them, and each attempt at one (the delivery log)."""

import secrets
import uuid
from base64 import b64encode
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from cms.conf import app_settings
from cms.webhooks.addresses import check_address
from cms.webhooks.catalogue import check_events

SECRET_PREFIX = "whsec_"  # noqa: S105 (the prefix Standard Webhooks gives secrets)


def new_secret():
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + b64encode(secrets.token_bytes(32)).decode()


def new_message_id():
    return f"msg_{uuid.uuid4().hex}"


class Subscriber(models.Model):
    """An address that is sent a signed notice of each chosen kind of change."""

    url = models.URLField(
        "address",
        max_length=500,
        unique=True,
        help_text="The web address the other site gave you for notices, starting with https://.",
    )
    description = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional: whose site this is, e.g. 'The new website, built by Sam'.",
    )
    events = models.JSONField(
        "kinds of change",
        default=list,
        blank=True,
        help_text="Which changes to send. Choose none to send every kind.",
    )
    secret = models.CharField(max_length=100, default=new_secret, editable=False)
    # The secret before the last rotation, still signing until previous_secret_until.
    previous_secret = models.CharField(max_length=100, blank=True, editable=False)
    previous_secret_until = models.DateTimeField(null=True, blank=True, editable=False)
    paused = models.BooleanField(
        default=False,
        help_text="Tick to stop sending for now. Changes made while it is paused are not sent later.",
    )
    paused_reason = models.CharField(max_length=200, blank=True, editable=False)
    # When the first of the failures since the last success happened (None: not failing).
    failing_since = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "webhook"
        ordering = ["url"]

    def __str__(self):
        return self.url

    def clean(self):
        super().clean()
        errors = {}
        for field, check in (("url", check_address), ("events", check_events)):
            try:
                check(getattr(self, field))
            except ValidationError as error:
                errors[field] = error.messages
        if errors:
            raise ValidationError(errors)

    def wants(self, event):
        return not self.events or event in self.events

    def signing_secrets(self, now=None):
        """The current secret, and during a rotation's overlap the one before it."""
        now = now or timezone.now()
        keep_previous = self.previous_secret and self.previous_secret_until > now
        return [self.secret, self.previous_secret] if keep_previous else [self.secret]

    def rotate_secret(self):
        """A new secret; the old one keeps signing too for WEBHOOKS_SECRET_OVERLAP_HOURS."""
        overlap = timedelta(hours=app_settings.WEBHOOKS_SECRET_OVERLAP_HOURS)
        self.previous_secret, self.secret = self.secret, new_secret()
        self.previous_secret_until = timezone.now() + overlap
        self.save(update_fields=["secret", "previous_secret", "previous_secret_until"])
        return self.secret

    def pause(self, reason):
        self.paused, self.paused_reason = True, reason
        self.save(update_fields=["paused", "paused_reason"])


class Delivery(models.Model):
    """One notice owed to one subscriber: sent, retried until it is answered, or given up.
    Written by the site alone, as its attempts are: no one edits the log."""

    PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
    STATUSES = [(PENDING, "Sending"), (DELIVERED, "Delivered"), (FAILED, "Failed")]

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries", editable=False
    )
    message_id = models.CharField(
        max_length=40, unique=True, default=new_message_id, editable=False
    )
    event = models.CharField(max_length=60, editable=False)
    payload = models.JSONField(editable=False)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING, editable=False)
    attempts = models.PositiveIntegerField(default=0, editable=False)
    next_attempt_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Its first attempt is in the task queue (queued after the change commits).
    queued = models.BooleanField(default=False, editable=False)
    # A worker is making the next attempt until then; after it, that worker is taken as dead.
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["subscriber", "-created_at"]),
            # Each delivery task looks for pending deliveries never queued (delivery.py).
            models.Index(fields=["status", "queued"]),
        ]

    def __str__(self):
        return f"{self.event} to {self.subscriber}"


class Attempt(models.Model):
    """One try at a delivery: when, the answer's status code (or what went wrong), how long it
    took, and when the next try is due."""

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="attempt_log", editable=False
    )
    started_at = models.DateTimeField(editable=False)
    status_code = models.PositiveIntegerField(null=True, blank=True, editable=False)
    error = models.CharField(max_length=300, blank=True, editable=False)
    duration_ms = models.PositiveIntegerField(editable=False)
    next_attempt_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["started_at", "pk"]

    def __str__(self):
        return f"{self.status_code or self.error} at {self.started_at:%Y-%m-%d %H:%M:%S}"

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300
