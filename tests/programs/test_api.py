"""Other sites read the calendar from /api/v3/events/ and programs from the page API."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.cms.factories import SiteSettingsFactory
from tests.programs.factories import (
    EventFactory,
    ProgramPageFactory,
    days_from_now,
)

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def test_event_item_carries_every_field(client, calendar_page, program):
    start = days_from_now(3)
    event = EventFactory(
        title="Open circle",
        program=program,
        start=start,
        end=start + timedelta(hours=2),
        venue_name="CONNECT drop-in room",
        street_address="536 Queens Ave",
        unit="",
        city="London",
        postal_code="N6B 1Y8",
        description="<p>Bring a friend.</p>",
        registration_url="https://example.org/r",
        status="cancelled",
    )
    (item,) = get_json(client, "/api/v3/events/")["items"]
    assert item == {
        "id": event.pk,
        "title": "Open circle",
        "slug": event.slug,
        "start": start.isoformat(),
        "end": (start + timedelta(hours=2)).isoformat(),
        "all_day": False,
        "status": "cancelled",
        "original_start": start.isoformat(),
        "extra_date": False,
        "note": "",
        "format": "in_person",
        "venue_name": "CONNECT drop-in room",
        "address": ["536 Queens Ave", "London, ON N6B 1Y8"],
        "online_url": "",
        "description": "<p>Bring a friend.</p>",
        "registration_url": "https://example.org/r",
        "repeat": "",
        "repeat_until": None,
        "program": {
            "id": program.pk,
            "title": "Peer support group",
            "url": "http://localhost/en/programs/peer-support/",
        },
        "url": f"http://localhost/en/events/{event.slug}/",
        "ics_url": f"http://localhost/en/events/{event.slug}/event.ics",
    }


def test_times_are_toronto_local_with_the_offset_of_their_date(client, calendar_page):
    start = datetime(2030, 10, 29, 18, tzinfo=TORONTO)
    EventFactory(
        start=start, end=start + timedelta(hours=1), repeat="weekly", repeat_until=date(2030, 11, 5)
    )
    data = get_json(client, "/api/v3/events/?start_date=2030-10-01&end_date=2030-11-30")
    assert [item["start"] for item in data["items"]] == [
        "2030-10-29T18:00:00-04:00",
        "2030-11-05T18:00:00-05:00",
    ]


def test_upcoming_dates_of_live_events_soonest_first_with_repeats_expanded(client, calendar_page):
    EventFactory(
        title="Weekly", start=days_from_now(1), repeat="weekly", repeat_until=days_from_now(15)
    )
    EventFactory(title="One-off", start=days_from_now(9))
    EventFactory(title="Over", start=days_from_now(-2))
    EventFactory(title="Draft", start=days_from_now(2), live=False)
    data = get_json(client, "/api/v3/events/")
    assert data["count"] == 4
    assert titles(data) == ["Weekly", "Weekly", "One-off", "Weekly"]


def test_past_dates_most_recent_first(client, calendar_page):
    EventFactory(title="Last month", start=days_from_now(-30))
    EventFactory(title="Last week", start=days_from_now(-7))
    EventFactory(title="Next week", start=days_from_now(7))
    assert titles(get_json(client, "/api/v3/events/?when=past")) == ["Last week", "Last month"]
    assert titles(get_json(client, "/api/v3/events/?when=all")) == [
        "Last month",
        "Last week",
        "Next week",
    ]


def test_date_range_includes_both_days(client, calendar_page):
    for day in (1, 2, 3, 4):
        start = datetime(2030, 5, day, 10, tzinfo=TORONTO)
        EventFactory(title=f"May {day}", start=start, end=start + timedelta(hours=1))
    data = get_json(client, "/api/v3/events/?start_date=2030-05-02&end_date=2030-05-03")
    assert titles(data) == ["May 2", "May 3"]


def test_program_filter_by_id_or_slug(client, calendar_page, program):
    EventFactory(title="Ours", program=program)
    EventFactory(title="Other")
    assert titles(get_json(client, f"/api/v3/events/?program={program.pk}")) == ["Ours"]
    assert titles(get_json(client, "/api/v3/events/?program=peer-support")) == ["Ours"]


def test_pagination(client, calendar_page):
    for day in range(1, 6):
        EventFactory(title=f"Day {day}", start=days_from_now(day))
    data = get_json(client, "/api/v3/events/?limit=2&offset=2")
    assert data["count"] == 5
    assert titles(data) == ["Day 3", "Day 4"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("program=nobody", "program: no published program has the id or slug 'nobody'."),
        ("program=999999", "program: no published program has the id or slug '999999'."),
        ("start_date=tomorrow", "Invalid query parameter: start_date"),
        ("end_date=2030-02-30", "Invalid query parameter: end_date"),
        ("start_date=2030-05-02&end_date=2030-05-01", "end_date must be on or after start_date."),
        ("when=soon", "Invalid query parameter: when"),
        ("limit=500", "limit cannot be higher than 100"),
        ("limit=abc", "limit must be a whole number"),
        ("colour=blue", "Unknown query parameter: colour."),
    ],
)
def test_bad_filters_are_answered_400_with_a_message(client, calendar_page, query, message):
    data = get_json(client, f"/api/v3/events/?{query}", status=400)
    assert data["detail"].startswith(message), data["detail"]


def test_draft_programs_are_unknown_to_the_filter_and_not_given(client, calendar_page, program):
    EventFactory(title="Ours", program=program)
    program.unpublish()
    data = get_json(client, "/api/v3/events/?program=peer-support", status=400)
    assert "no published program" in data["detail"]
    assert get_json(client, "/api/v3/events/")["items"][0]["program"] is None


def test_every_program_returned_is_accepted_back_as_a_filter(client, calendar_page, program):
    private = ProgramPageFactory(parent=program.get_parent(), title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventFactory(title="Ours", program=program)
    EventFactory(title="Members' evening", program=private)
    for item in get_json(client, "/api/v3/events/")["items"]:
        same_program = get_json(client, f"/api/v3/events/?program={item['program']['id']}")
        assert item["title"] in titles(same_program)


def test_event_detail_lists_its_dates_to_come(client, calendar_page):
    first = days_from_now(-14)
    event = EventFactory(start=first, repeat="weekly", repeat_until=days_from_now(14).date())
    data = get_json(client, f"/api/v3/events/{event.pk}/")
    assert data["start"] == first.isoformat()
    assert data["repeat"] == "weekly"
    assert [dates["start"] for dates in data["upcoming"]] == [
        days_from_now(days).isoformat() for days in (0, 7, 14)
    ]


def test_draft_event_detail_is_not_found(client, calendar_page):
    event = EventFactory(live=False)
    assert client.get(f"/api/v3/events/{event.pk}/").status_code == 404


def test_events_are_described_in_the_openapi_document(client):
    paths = get_json(client, "/api/v3/openapi.json")["paths"]
    listing = paths["/api/v3/events/"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {
        "when",
        "program",
        "start_date",
        "end_date",
        "locale",
        "limit",
        "offset",
    }
    assert "get" in paths["/api/v3/events/{event_id}/"]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_program_page_api_has_its_fields_categories_and_upcoming_events(
    client, calendar_page, program, version
):
    program.categories.add("anxiety", "family")
    program.save_revision().publish()
    EventFactory(title="Next session", program=program)
    EventFactory(title="Someone else's")
    data = get_json(client, f"/api/{version}/pages/{program.pk}/")
    assert data["summary"] == program.summary
    assert data["format"] == "in_person"
    assert data["facilitation"] == "peer_led"
    assert data["cost"] == "Free"
    assert sorted(data["categories"]) == ["anxiety", "family"]
    assert [event["title"] for event in data["upcoming_events"]] == ["Next session"]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_upcoming_events_block_gives_the_next_events_as_the_events_api_does(
    client, home_page, calendar_page, version
):
    EventFactory(title="Later", start=days_from_now(9), end=days_from_now(9, hour=20))
    EventFactory(title="Sooner", start=days_from_now(2), end=days_from_now(2, hour=20))
    home_page.body = [("upcoming_events", {"heading": "Coming up", "count": 1})]
    home_page.save()

    [block] = get_json(client, f"/api/{version}/pages/{home_page.pk}/")["body"]

    assert block["value"] == {
        "heading": "Coming up",
        "count": 1,
        "events": get_json(client, "/api/v3/events/?limit=1")["items"],
    }
    assert [event["title"] for event in block["value"]["events"]] == ["Sooner"]


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_items_read_no_events_and_show_an_edit_at_once(client, calendar_page, program):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    event = EventFactory(title="Picnic", program=program, start=days_from_now(6))
    get_json(client, "/api/v3/events/")
    with CaptureQueriesContext(connection) as queries:
        assert titles(get_json(client, "/api/v3/events/")) == ["Picnic"]
    read = " ".join(query["sql"] for query in queries)
    assert '"programs_event"."title"' not in read
    assert '"programs_eventindexpage"' not in read  # the calendar's address is in the items
    program.title = "Picnics in the park"
    program.save_revision().publish()
    [item] = get_json(client, "/api/v3/events/")["items"]
    assert item["program"]["title"] == "Picnics in the park"
    event.status = "postponed"
    event.save()
    assert get_json(client, "/api/v3/events/")["items"][0]["status"] == "postponed"
