"""Editors schedule events; they appear everywhere once their time comes and publish_scheduled runs."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from programs.models import Event
from tests.programs.test_admin import EVENTS, form_data
from tests.programs.test_listings import with_upcoming_events_block

pytestmark = pytest.mark.django_db


def seen_everywhere(client, title):
    """Where visitors and other sites find the event: {place: whether the title is there}."""
    api = client.get("/api/v3/events/").json()
    return {
        "home": title in client.get("/en/").content.decode(),
        "events": title in client.get("/en/events/").content.decode(),
        "ics": title in client.get("/en/events/feed.ics").content.decode(),
        "api": any(item["title"] == title for item in api["items"]),
    }


def approve(client, event):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(event.pk), status="in_progress"
    )
    url_name = Event.snippet_viewset.get_url_name("workflow_action")
    return client.post(
        reverse(url_name, args=[event.pk, "approve", task_state.pk]), {"comment": ""}
    )


def test_event_form_offers_a_publishing_schedule(signed_in_as):
    form = signed_in_as("Editors").get(f"{EVENTS}add/").content.decode()
    assert 'name="go_live_at"' in form and 'name="expire_at"' in form


def test_editor_cannot_publish_an_event_but_submits_it_to_the_moderators(signed_in_as):
    editor = signed_in_as("Editors")
    assert 'name="action-publish"' not in editor.get(f"{EVENTS}add/").content.decode()

    editor.post(f"{EVENTS}add/", form_data(title="Not yet"))
    editor.post(f"{EVENTS}add/", form_data(title="Please check", **{"action-submit": "submit"}))

    assert not Event.objects.filter(live=True).exists()
    assert Event.objects.get(title="Please check").workflow_in_progress
    assert "Please check" in signed_in_as("Moderators").get("/admin/").content.decode()


def test_scheduled_event_appears_only_after_publish_scheduled_runs_past_its_time(
    signed_in_as, client, home_page, calendar_page
):
    with_upcoming_events_block(home_page)
    editor, moderator = signed_in_as("Editors"), signed_in_as("Moderators")
    go_live = timezone.localtime() + timedelta(hours=2)
    editor.post(
        f"{EVENTS}add/",
        form_data(
            title="Spring social",
            go_live_at=f"{go_live:%Y-%m-%d %H:%M}",
            **{"action-submit": "submit"},
        ),
    )
    event = Event.objects.get(title="Spring social")
    assert approve(moderator, event).status_code == 302
    call_command("publish_scheduled")

    event.refresh_from_db()
    assert not event.live and event.scheduled_revision is not None
    assert not any(seen_everywhere(client, "Spring social").values())

    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")

    event.refresh_from_db()
    assert event.live
    assert all(seen_everywhere(client, "Spring social").values())


def test_event_past_its_expiry_is_taken_down_by_publish_scheduled(
    signed_in_as, client, calendar_page
):
    moderator = signed_in_as("Moderators")
    expire = timezone.localtime() + timedelta(hours=2)
    moderator.post(
        f"{EVENTS}add/", form_data(title="Short notice", expire_at=f"{expire:%Y-%m-%d %H:%M}")
    )
    assert seen_everywhere(client, "Short notice")["events"]

    with mock.patch("django.utils.timezone.now", return_value=expire + timedelta(minutes=1)):
        call_command("publish_scheduled")

    assert not Event.objects.get(title="Short notice").live
    assert not seen_everywhere(client, "Short notice")["events"]
