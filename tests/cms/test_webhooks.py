"""Signed webhooks, delivered to a real receiver that verifies them with `standardwebhooks`."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from cms.webhooks.models import Delivery, Subscriber
from home.models import ContentPage
from tests.cms.test_roles import add_page, edit_page
from tests.cms.webhook_receiver import Receiver
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def receiver(settings):
    """A receiver subscribed to every change, and deliveries queued in the database."""
    settings.TASKS = DATABASE_QUEUE
    settings.PEER_SUPPORT_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = True
    with Receiver() as receiver:
        receiver.secret = Subscriber.objects.create(url=receiver.url).secret
        yield receiver


def run_worker():
    """What `manage.py db_worker` does, until no task is due."""
    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0
    )


def later(minutes):
    """The clock moved on, as while the worker waits for a retry."""
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=True)


def test_a_notice_answered_503_twice_then_200_is_verified_and_logged_as_three_attempts(
    home_page, receiver
):
    receiver.answers = [503, 503]
    page = ContentPageFactory(parent=home_page, title="Walking group")
    page.save_revision().publish()

    run_worker()
    with later(2):
        run_worker()
        with later(5):
            run_worker()
            with later(60):
                run_worker()

    payloads = [payload for _, payload in receiver.received]
    assert len(payloads) == 3 and all(payloads), "every attempt verifies"
    assert {payload["type"] for payload in payloads} == {"page.published"}
    assert len({headers["webhook-id"] for headers, _ in receiver.received}) == 1
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.DELIVERED
    log = list(delivery.attempt_log.values_list("status_code", flat=True))
    assert log == [503, 503, 200]
    first_retry = delivery.attempt_log.first()
    assert first_retry.next_attempt_at - first_retry.started_at < timedelta(minutes=1)
    data = payloads[0]["data"]
    assert data["id"] == page.pk and data["locale"] == "en" and data["slug"] == page.slug
    assert data["html_url"] == page.full_url
    assert data["api_url"].endswith(f"/api/v3/pages/{page.pk}/")
