"""Volunteers find, filter and add events in the admin, and are told clearly what to fix."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from programs.models import Event
from tests.programs.factories import EventFactory, ProgramIndexPageFactory, ProgramPageFactory

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")
EVENTS = "/admin/snippets/programs/event/"


def listed(admin_client, query=""):
    response = admin_client.get(f"{EVENTS}?{query}")
    assert response.status_code == 200
    return {event.title for event in response.context["object_list"]}


def form_data(date_changes=(), initial_changes=0, **overrides):
    """What a volunteer types into the add-event form, as the browser posts it, with these
    changes to single dates."""
    data = {
        "title": "Open circle",
        "slug": "",
        "program": "",
        "start": "2030-03-07 18:00",
        "end": "2030-03-07 20:00",
        "format": "in_person",
        "venue_name": "CONNECT drop-in room",
        "online_url": "",
        "street_address": "536 Queens Ave",
        "unit": "",
        "city": "London",
        "province": "ON",
        "postal_code": "n6b1y8",
        "description": rich_text("<p>All welcome.</p>"),
        "registration_url": "",
        "status": "scheduled",
        "repeat": "",
        "repeat_until": "",
        "action-publish": "publish",
        **nested_form_data(
            {"date_changes": inline_formset(list(date_changes), initial=initial_changes)}
        ),
    }
    return {**data, **overrides}


def test_events_menu_lists_events_with_search_and_filters(admin_client, home_page):
    program = ProgramPageFactory(parent=ProgramIndexPageFactory(parent=home_page))
    EventFactory(title="Art night", program=program)
    EventFactory(title="Walk", start=timezone.now() - timedelta(days=30), status="cancelled")
    assert listed(admin_client) == {"Art night", "Walk"}
    assert listed(admin_client, "q=art") == {"Art night"}
    assert listed(admin_client, "when=upcoming") == {"Art night"}
    assert listed(admin_client, "when=past") == {"Walk"}
    assert listed(admin_client, f"program={program.pk}") == {"Art night"}
    assert listed(admin_client, "status=cancelled") == {"Walk"}


def test_volunteer_adds_and_publishes_an_event(admin_client):
    response = admin_client.post(f"{EVENTS}add/", form_data())
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.live and event.slug == "open-circle"
    assert event.start == datetime(2030, 3, 7, 18, tzinfo=TORONTO)
    assert event.postal_code == "N6B 1Y8"
    assert "All welcome." in event.description


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"end": "2030-03-07 17:00"}, "end", "The end must be after the start."),
        (
            {"format": "online", "venue_name": ""},
            "online_url",
            "Add the link people use to join online.",
        ),
        ({"repeat": "weekly"}, "repeat_until", "Choose the last date it repeats on."),
        (
            {"repeat": "monthly", "repeat_until": "2032-04-01"},
            "repeat_until",
            "Repeats can run for at most two years: choose March 7, 2032 or earlier.",
        ),
        ({"postal_code": "12345"}, "postal_code", None),
        ({"start": "next tuesday"}, "start", None),
    ],
)
def test_mistakes_are_shown_next_to_the_field_and_nothing_is_saved(
    admin_client, overrides, field, message
):
    response = admin_client.post(f"{EVENTS}add/", form_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
    assert response.context["form"]["title"].value() == "Open circle"  # answers are kept
    assert not Event.objects.exists()


@pytest.mark.parametrize("query", ["when=someday", "program=abc", "status=lost", "start__gt=x"])
def test_bad_filters_in_the_address_still_show_the_list(admin_client, query):
    EventFactory(title="Art night")
    assert listed(admin_client, query) == {"Art night"}


def test_new_event_form_does_not_autosave_so_a_save_click_cannot_make_a_second_event(
    admin_client,
):
    assert (
        "data-w-autosave-interval-value" not in admin_client.get(f"{EVENTS}add/").content.decode()
    )
    admin_client.post(f"{EVENTS}add/", form_data())
    edit = admin_client.get(f"{EVENTS}edit/{Event.objects.get().pk}/").content.decode()
    assert (
        "data-w-autosave-interval-value" in edit
    )  # once saved, changes are kept as they are typed
