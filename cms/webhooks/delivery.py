"""Sending deliveries: signed as Standard Webhooks says, retried with backoff, never lost.

The deliveries are rows in the database, written in the transaction of the change they tell
of; tasks (django-tasks, the database queue that `manage.py db_worker` runs) only wake them,
queued once that transaction commits (a delivery whose process died first is queued by the
next task). Before each attempt its task queues a stand-in for itself, due once the attempt
must have ended, so a worker killed mid-attempt leaves the attempt to be made again rather
than lost: an attempt is claimed until then, and a task whose attempt was made meanwhile does
nothing.
"""

import json
import random
import time
import urllib.error
import urllib.request
from datetime import timedelta
from email.utils import parsedate_to_datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from standardwebhooks import Webhook

from cms.conf import app_settings
from cms.webhooks.addresses import check_address
from cms.webhooks.models import Attempt, Delivery

FIRST_RETRY_SECONDS = 30
LONGEST_WAIT = timedelta(hours=6)
# Retried: the subscriber's server is down, busy or too slow. Other 4xx are final.
RETRIED_STATUSES = {408, 425, 429}
USER_AGENT = "peer-support-cms-webhooks/1"


def body_of(delivery):
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()


def signed_headers(delivery, body, now):
    """The Standard Webhooks headers, signed with each secret in force (both, during a rotation)."""
    signatures = [
        Webhook(secret).sign(delivery.message_id, now, body)
        for secret in delivery.subscriber.signing_secrets(now)
    ]
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": " ".join(signatures),
    }


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer like any other 3xx (not followed: it could lead anywhere)."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def post(delivery):
    """Make one attempt: (status code or None, error text, Retry-After header or None)."""
    now = timezone.now()
    body = body_of(delivery)
    try:
        check_address(delivery.subscriber.url)
    except ValidationError as error:
        return None, error.messages[0], None
    request = urllib.request.Request(  # noqa: S310 (check_address allows https, http only)
        delivery.subscriber.url, data=body, headers=signed_headers(delivery, body, now)
    )
    try:
        with OPENER.open(request, timeout=app_settings.WEBHOOKS_TIMEOUT) as answer:
            return answer.status, "", None
    except urllib.error.HTTPError as answer:
        return answer.code, "", answer.headers.get("Retry-After")
    except (OSError, ValueError) as error:  # refused, reset, timed out, unresolvable
        return None, str(getattr(error, "reason", error))[:300] or type(error).__name__, None


def retried(status_code):
    return status_code is None or status_code >= 500 or status_code in RETRIED_STATUSES


def backoff(attempts, retry_after=None):
    """How long to wait after the `attempts`-th failure: doubling from 30 s, at most 6 h, with
    jitter, and at least what the subscriber's Retry-After asked for (up to a day)."""
    wait = min(timedelta(seconds=FIRST_RETRY_SECONDS * 2 ** (attempts - 1)), LONGEST_WAIT)
    wait *= random.uniform(0.8, 1.2)  # noqa: S311 (spreading retries, not a secret)
    return max(wait, min(retry_after_wait(retry_after), timedelta(days=1)))


def retry_after_wait(header):
    """Retry-After as a wait: seconds, or an HTTP date; nothing when missing or unreadable."""
    if not header:
        return timedelta(0)
    if header.strip().isdigit():
        return timedelta(seconds=int(header))
    try:
        return max(parsedate_to_datetime(header) - timezone.now(), timedelta(0))
    except (TypeError, ValueError):
        return timedelta(0)


def claim_window():
    """How long an attempt may take (connecting, then answering), with room to record it:
    after that its worker is taken as dead."""
    return timedelta(seconds=app_settings.WEBHOOKS_TIMEOUT * 2 + 5)


def wake(delivery, number, when):
    """Queue the `number`-th attempt's task at `when`, on the webhooks' own task backend."""
    backend = app_settings.WEBHOOKS_TASK_BACKEND
    deliver.using(backend=backend, run_after=when).enqueue(delivery.pk, number)


def schedule(delivery, when):
    """Queue the attempt at `when`, and a stand-in a claim window later (see the module's doc)."""
    number = delivery.attempts + 1
    wake(delivery, number, when)
    wake(delivery, number, when + claim_window())


def claim(delivery_id, number):
    """The delivery, claimed for its `number`-th attempt; None if that is not due or is made."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("subscriber")
            .filter(pk=delivery_id, status=Delivery.PENDING, attempts=number - 1)
            .first()
        )
        if delivery is None or (delivery.claimed_until and delivery.claimed_until > now):
            return None
        if delivery.subscriber.paused:
            delivery.status, delivery.next_attempt_at = Delivery.FAILED, None
            delivery.save(update_fields=["status", "next_attempt_at"])
            return None
        delivery.claimed_until = now + claim_window()
        delivery.save(update_fields=["claimed_until"])
        wake(delivery, number, delivery.claimed_until)
    return delivery


@task()
def deliver(delivery_id, number):
    """Make the `number`-th attempt at a delivery, if it is still owed."""
    queue_forgotten()
    delivery = claim(delivery_id, number)
    if delivery is None:
        return
    started_at, clock = timezone.now(), time.monotonic()
    status_code, error, retry_after = post(delivery)
    duration_ms = round((time.monotonic() - clock) * 1000)
    record(delivery, started_at, duration_ms, status_code, error, retry_after)


def record(delivery, started_at, duration_ms, status_code, error, retry_after):
    """Log the attempt; then the delivery is done, given up, or due again after a backoff."""
    now = timezone.now()
    succeeded = status_code is not None and 200 <= status_code < 300
    next_at = None
    if not succeeded and retried(status_code) and giving_up_after(delivery) > now:
        next_at = now + backoff(delivery.attempts + 1, retry_after)
    with transaction.atomic():
        Attempt.objects.create(
            delivery=delivery,
            started_at=started_at,
            status_code=status_code,
            error=error,
            duration_ms=duration_ms,
            next_attempt_at=next_at,
        )
        delivery.attempts += 1
        delivery.claimed_until, delivery.next_attempt_at = None, next_at
        if succeeded:
            delivery.status = Delivery.DELIVERED
        elif next_at is None:
            delivery.status = Delivery.FAILED
        delivery.save(update_fields=["attempts", "claimed_until", "next_attempt_at", "status"])
        if next_at is not None:
            schedule(delivery, next_at)
        note_health(delivery.subscriber, succeeded, now)


def giving_up_after(delivery):
    return delivery.created_at + timedelta(hours=app_settings.WEBHOOKS_RETRY_HOURS)


def note_health(subscriber, succeeded, now):
    """A success ends a run of failures; failing for WEBHOOKS_PAUSE_AFTER_DAYS pauses it."""
    if succeeded:
        if subscriber.failing_since:
            subscriber.failing_since = None
            subscriber.save(update_fields=["failing_since"])
        return
    if subscriber.failing_since is None:
        subscriber.failing_since = now
        subscriber.save(update_fields=["failing_since"])
    elif now - subscriber.failing_since > timedelta(days=app_settings.WEBHOOKS_PAUSE_AFTER_DAYS):
        since = timezone.localtime(subscriber.failing_since)
        subscriber.pause(f"Paused by the site: every notice failed since {since:%Y-%m-%d %H:%M}.")


def send(subscriber, event, payload):
    """Owe the subscriber a delivery of `payload`, in the transaction of the change it tells of
    (undone with it), and queue its first attempt once that commits."""
    delivery = Delivery.objects.create(
        subscriber=subscriber, event=event, payload=payload, next_attempt_at=timezone.now()
    )
    transaction.on_commit(lambda: queue_first_attempt(delivery), robust=True)
    return delivery


def queue_first_attempt(delivery):
    with transaction.atomic():
        schedule(delivery, timezone.now())
        Delivery.objects.filter(pk=delivery.pk).update(queued=True)


def queue_forgotten():
    """Queue the first attempts that were never queued: the process that committed their change
    died before it could. Each delivery's task looks for them."""
    forgotten = Delivery.objects.filter(
        status=Delivery.PENDING, queued=False, created_at__lt=timezone.now() - claim_window()
    )
    for delivery in forgotten.select_related("subscriber"):
        queue_first_attempt(delivery)


def send_again(delivery):
    """A new delivery of the same notice (a new message id, as it is sent again on purpose)."""
    return send(delivery.subscriber, delivery.event, delivery.payload)
