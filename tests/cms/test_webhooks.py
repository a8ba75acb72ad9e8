"""Signed webhooks, delivered to a real receiver that verifies them with `standardwebhooks`."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from standardwebhooks import Webhook
from wagtail.admin.models import EditingSession
from wagtail.contrib.forms.models import FormSubmission

from cms.webhooks.delivery import backoff
from cms.webhooks.models import Delivery, Subscriber
from home.models import ContentPage
from tests.cms.factories import SiteSettingsFactory
from tests.cms.test_roles import add_page, edit_page
from tests.cms.webhook_receiver import Receiver
from tests.contact.factories import VALID_INQUIRY, human, inquiry_form
from tests.home.factories import ContentPageFactory, PartnerFactory
from tests.programs.factories import ClosureFactory, EventFactory, change_dates
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def receiver(settings):
    """A receiver subscribed to every change; deliveries are queued in the database (base settings)."""
    settings.PEER_SUPPORT_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = True
    with Receiver() as receiver:
        receiver.secret = Subscriber.objects.create(url=receiver.url).secret
        yield receiver


def run_worker():
    """What `manage.py db_worker` does, until no task is due."""
    call_command(
        "db_worker",
        "--backend=webhooks",  # as an argument: db_worker checks its default, not a database queue
        batch=True,
        startup_delay=False,
        reload=False,
        interval=0,
        verbosity=0,
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


def types_received(receiver):
    return [payload["type"] for _, payload in receiver.received]


def test_a_moderators_publish_reaches_the_receiver_once(home_page, receiver, signed_in_as):
    moderator = signed_in_as("Moderators")
    assert add_page(moderator, home_page, "publish").status_code == 302
    run_worker()

    page = ContentPage.objects.get(slug="get-involved")
    assert types_received(receiver) == ["page.published"]
    assert receiver.received[0][1]["data"]["id"] == page.pk


def test_drafts_submissions_for_moderation_and_form_answers_send_nothing(
    home_page, receiver, signed_in_as, client
):
    editor = signed_in_as("Editors")
    page = ContentPageFactory(parent=home_page, title="About")
    add_page(editor, home_page, "submit")
    edit_page(editor, page, "draft", title="About us")
    editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))  # an editing session...
    session = EditingSession.objects.get(object_id=str(page.pk))
    ping = reverse(
        "wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", page.pk, session.pk]
    )
    assert editor.post(ping).status_code == 200  # ...kept alive
    form_page = inquiry_form(home_page)
    Delivery.objects.all().delete()  # the pages the test set up were published

    assert client.post(form_page.url, human(VALID_INQUIRY)).status_code in (200, 302)
    ContentPage.objects.get(slug="get-involved").delete()  # never published, never shown
    run_worker()

    assert FormSubmission.objects.exists()
    assert list(Delivery.objects.values_list("event", "payload")) == []
    assert types_received(receiver) == []


def test_events_date_changes_resources_partners_and_settings_are_announced(home_page, receiver):
    event = EventFactory()
    event.save_revision().publish()
    change_dates(event, {"kind": "cancel", "original_start": event.start, "note": "Away"})
    resource = ResourceFactory()
    PartnerFactory()
    site_settings = SiteSettingsFactory()
    site_settings.organisation_name = "CONNECT for Mental Health"
    site_settings.save()
    run_worker()

    received = types_received(receiver)
    for kind in ("event.published", "event.date_changed", "resource.changed", "partner.changed"):
        assert kind in received
    assert "site_settings.changed" in received
    by_type = {payload["type"]: payload["data"] for _, payload in receiver.received}
    assert by_type["event.date_changed"]["date"]["change"] == "cancelled"
    assert by_type["resource.changed"]["api_url"].endswith(f"/api/v3/resources/{resource.slug}/")


def test_closures_resources_and_partners_changed_and_deleted_are_announced(home_page, receiver):
    closure, resource, partner = ClosureFactory(), ResourceFactory(), PartnerFactory()
    closure.label = "Staff training day"
    closure.save()
    slug = resource.slug
    for row in (closure, resource, partner):
        row.delete()
    run_worker()

    received = types_received(receiver)
    assert received.count("closure.changed") == 2  # added, then relabelled
    assert received.count("resource.changed") == received.count("partner.changed") == 1
    for kind in ("closure", "resource", "partner"):
        assert received.count(f"{kind}.deleted") == 1
    by_type = {payload["type"]: payload["data"] for _, payload in receiver.received}
    assert by_type["resource.deleted"]["slug"] == slug
    assert by_type["resource.deleted"]["api_url"] is None  # nothing to read any more
    assert by_type["closure.deleted"]["api_url"].endswith("/api/v3/events/")
    assert by_type["partner.deleted"]["api_url"].endswith("/api/v3/partners/")


def test_a_client_error_is_not_retried_and_retry_after_is_honoured(home_page, receiver):
    receiver.answers = [404]
    ContentPageFactory(parent=home_page).save_revision().publish()
    run_worker()
    with later(60 * 30):
        run_worker()

    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.FAILED and delivery.attempts == 1
    assert backoff(1, retry_after="3600") >= timedelta(hours=1)
    assert backoff(1) < timedelta(minutes=1)


def test_during_a_rotation_both_secrets_sign_and_the_receiver_verifies_either(home_page, receiver):
    subscriber = Subscriber.objects.get()
    old = subscriber.secret
    new = subscriber.rotate_secret()
    receiver.secret = new
    ContentPageFactory(parent=home_page).save_revision().publish()
    run_worker()

    headers, payload = receiver.received[0]
    assert payload is not None, "verified with the new secret"
    signatures = headers["webhook-signature"].split(" ")
    assert len(signatures) == 2
    receiver.secret = old
    assert receiver.verified(receiver.bodies[0], headers) is not None, "and with the old one"


def test_a_subscriber_failing_for_days_is_paused_and_the_dashboard_says_so(
    home_page, receiver, admin_client
):
    receiver.answers = [503] * 20
    subscriber = Subscriber.objects.get()
    subscriber.failing_since = timezone.now() - timedelta(days=4)
    subscriber.save()
    ContentPageFactory(parent=home_page).save_revision().publish()
    run_worker()

    subscriber.refresh_from_db()
    assert subscriber.paused and "every notice failed" in subscriber.paused_reason
    assert "Webhooks paused after failing" in admin_client.get("/admin/").content.decode()


def test_the_command_adds_lists_and_removes_and_prints_the_secret_last(settings, capsys):
    settings.PEER_SUPPORT_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = False
    call_command("webhooks", "add", "https://93.184.215.14/hooks", "--event", "page.published")
    secret = capsys.readouterr().out.strip().splitlines()[-1]
    assert Webhook(secret) and secret == Subscriber.objects.get().secret

    call_command("webhooks", "list")
    assert "https://93.184.215.14/hooks\tpage.published\tactive" in capsys.readouterr().out
    call_command("webhooks", "remove", "https://93.184.215.14/hooks")
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("https://127.0.0.1/hooks", "private, loopback or link-local"),
        ("https://10.1.2.3/hooks", "private, loopback or link-local"),
        ("https://169.254.169.254/latest", "private, loopback or link-local"),
        ("https://[::1]/hooks", "private, loopback or link-local"),
        ("ftp://93.184.215.14/hooks", "must start with https://"),
        ("not an address", "must start with https://"),
    ],
)
def test_the_command_refuses_private_and_bad_addresses(settings, url, error):
    settings.PEER_SUPPORT_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = False
    with pytest.raises(CommandError, match=error):
        call_command("webhooks", "add", url)
    assert not Subscriber.objects.exists()


def test_plain_http_is_refused_in_production(settings):
    settings.PEER_SUPPORT_WEBHOOKS_ALLOW_HTTP = False
    with pytest.raises(CommandError, match="must start with https://"):
        call_command("webhooks", "add", "http://93.184.215.14/hooks")


def test_the_command_refuses_unknown_events_and_addresses(settings):
    with pytest.raises(CommandError, match="Unknown kind of change: page.eaten"):
        call_command("webhooks", "add", "https://93.184.215.14/h", "--event", "page.eaten")
    with pytest.raises(CommandError, match="No webhook subscriber has the address"):
        call_command("webhooks", "remove", "https://93.184.215.14/h")


def test_an_administrator_sees_the_secret_once_when_adding_and_rotating(admin_client, settings):
    settings.PEER_SUPPORT_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = True
    response = admin_client.post(
        reverse("webhooks:add"),
        {"url": "https://127.0.0.1:9/hooks", "events": ["page.published"], "description": ""},
        follow=True,
    )
    subscriber = Subscriber.objects.get()
    assert subscriber.events == ["page.published"]
    assert subscriber.secret in response.content.decode(), "on its delivery log, once"
    log = reverse("webhooks:inspect", args=[subscriber.pk])
    assert subscriber.secret not in admin_client.get(log).content.decode()

    admin_client.post(reverse("webhooks:rotate", args=[subscriber.pk]))
    subscriber.refresh_from_db()
    assert subscriber.secret in admin_client.get(log).content.decode()
    assert subscriber.secret not in admin_client.get(log).content.decode()
    assert subscriber.previous_secret and subscriber.previous_secret_until > timezone.now()


def test_moderators_read_the_log_but_change_nothing(home_page, receiver, signed_in_as):
    moderator = signed_in_as("Moderators")
    subscriber = Subscriber.objects.get()
    receiver.answers = [503]
    ContentPageFactory(parent=home_page).save_revision().publish()
    run_worker()

    log = moderator.get(reverse("webhooks:inspect", args=[subscriber.pk]))
    assert log.status_code == 200 and "page.published" in log.content.decode()
    assert "503" in log.content.decode() and "Send again" not in log.content.decode()
    assert moderator.post(reverse("webhooks:test", args=[subscriber.pk])).status_code in (302, 403)
    assert Delivery.objects.count() == 1
    assert moderator.get(reverse("webhooks:add")).status_code in (302, 403)
    assert subscriber.secret not in log.content.decode()


def test_send_again_and_a_test_event_from_the_log(home_page, receiver, admin_client):
    subscriber = Subscriber.objects.get()
    ContentPageFactory(parent=home_page).save_revision().publish()
    run_worker()
    delivery = Delivery.objects.get()

    admin_client.post(reverse("webhooks:again", args=[delivery.pk]))
    admin_client.post(reverse("webhooks:test", args=[subscriber.pk]))
    run_worker()

    assert types_received(receiver) == ["page.published", "page.published", "webhook.test"]
    assert all(payload for _, payload in receiver.received)
    log = admin_client.get(reverse("webhooks:inspect", args=[subscriber.pk])).content.decode()
    assert "Send again" in log and "Send a test event" in log


def test_a_notice_whose_server_died_before_queueing_it_goes_with_the_next(home_page, receiver):
    subscriber = Subscriber.objects.get()
    payload = {"type": "webhook.test", "timestamp": timezone.now().isoformat(), "data": {}}
    # As the server leaves it when it dies between the change's commit and queueing its notice.
    Delivery.objects.create(subscriber=subscriber, event="webhook.test", payload=payload)
    with later(2):
        ContentPageFactory(parent=home_page).save_revision().publish()
        run_worker()

    assert sorted(types_received(receiver)) == ["page.published", "webhook.test"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.DELIVERED}


def test_a_pages_move_unpublishing_and_deletion_are_announced_in_order(home_page, receiver):
    section = ContentPageFactory(parent=home_page, title="About")
    page = ContentPageFactory(parent=home_page, title="Our team")
    Delivery.objects.all().delete()

    page.move(section, pos="last-child")
    page.refresh_from_db()
    page.unpublish()
    page.save_revision().publish()
    page.delete()
    run_worker()

    assert types_received(receiver) == [
        "page.moved",
        "page.unpublished",
        "page.published",
        "page.unpublished",  # Wagtail unpublishes a live page before deleting it
        "page.deleted",
    ]
    moved, deleted = receiver.received[0][1]["data"], receiver.received[4][1]["data"]
    assert moved["html_url"].endswith("/about/our-team/")
    assert moved["previous_url_path"].endswith("/our-team/")
    assert deleted["id"] == page.pk and deleted["api_url"] is None


def test_an_events_draft_and_its_date_changes_send_nothing_until_published(home_page, receiver):
    event = EventFactory(live=False)
    change_dates(event, {"kind": "cancel", "original_start": event.start, "note": "Away"})
    event.save_revision()
    run_worker()
    assert types_received(receiver) == []

    event.get_latest_revision().publish()
    run_worker()
    assert types_received(receiver) == ["event.published"]  # its dates come with it


def test_prune_deletes_finished_deliveries_older_than_the_days_given(home_page, receiver):
    ContentPageFactory(parent=home_page).save_revision().publish()
    run_worker()
    with pytest.raises(CommandError, match="--days must be a whole number of days"):
        call_command("webhooks", "prune", "--days", "0")

    call_command("webhooks", "prune", "--days", "1")
    assert Delivery.objects.count() == 1
    with later(60 * 24 * 2):
        call_command("webhooks", "prune", "--days", "1")
    assert not Delivery.objects.exists()


def test_a_429_is_retried_no_sooner_than_its_retry_after(home_page, receiver):
    receiver.answers, receiver.retry_after = [429], "600"
    ContentPageFactory(parent=home_page).save_revision().publish()
    run_worker()
    with later(5):
        run_worker()
    assert len(receiver.received) == 1, "not retried after 5 minutes"

    attempt = Delivery.objects.get().attempt_log.get()
    assert attempt.status_code == 429
    assert attempt.next_attempt_at - attempt.started_at >= timedelta(minutes=10)
    with later(11):
        run_worker()
    assert Delivery.objects.get().status == Delivery.DELIVERED
