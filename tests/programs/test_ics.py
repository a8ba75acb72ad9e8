"""Calendar apps can subscribe to the events feed, or add one event: parsed back with icalendar."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.programs.factories import (
    EventFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_in(calendar):
    return {str(vevent["SUMMARY"]): vevent for vevent in calendar.walk("VEVENT")}


def next_week(hour=18):
    moment = timezone.localtime() + timedelta(days=7)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_feed_is_a_publishing_calendar_in_toronto_time(client, calendar_page):
    calendar = feed(client, "/en/events/feed.ics")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//")
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-TIMEZONE"] == "America/Toronto"
    assert "Events" in calendar["X-WR-CALNAME"]
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/Toronto"
    assert calendar.walk("VEVENT") == []


def test_event_carries_every_field(client, calendar_page):
    start = next_week()
    event = EventFactory(
        title="Peer support evening",
        start=start,
        end=start + timedelta(hours=2),
        venue_name="CONNECT drop-in room",
        street_address="536 Queens Ave",
        unit="Unit 2",
        city="London",
        postal_code="N6B 1Y8",
        description="<p>Come as you are.</p><ul><li>Tea</li><li>Talk</li></ul>",
        registration_url="https://example.org/register",
    )
    event.save_revision().publish()
    event.refresh_from_db()

    vevent = events_in(feed(client, "/en/events/feed.ics"))["Peer support evening"]

    assert vevent["UID"] == f"event-{event.pk}@localhost"
    assert vevent.decoded("DTSTART") == start
    assert vevent["DTSTART"].params["TZID"] == "America/Toronto"
    assert vevent.decoded("DTEND") == start + timedelta(hours=2)
    published = event.last_published_at.replace(microsecond=0)
    assert vevent.decoded("DTSTAMP") == published
    assert vevent.decoded("LAST-MODIFIED") == published
    assert vevent["STATUS"] == "CONFIRMED"
    assert vevent["LOCATION"] == "CONNECT drop-in room, 536 Queens Ave, Unit 2, London, ON N6B 1Y8"
    assert vevent["DESCRIPTION"] == (
        "Come as you are.\n• Tea\n• Talk\n\nRegister: https://example.org/register"
    )
    assert vevent["URL"] == f"http://localhost/en/events/{event.slug}/"
    assert "RRULE" not in vevent


def test_uid_stays_the_same_when_the_event_is_edited(client, calendar_page):
    event = EventFactory(title="Before")
    before = events_in(feed(client, "/en/events/feed.ics"))["Before"]["UID"]
    event.title = "After"
    event.start += timedelta(days=1)
    event.end += timedelta(days=1)
    event.save()
    assert events_in(feed(client, "/en/events/feed.ics"))["After"]["UID"] == before


def test_cancelled_event_is_marked_in_ics_feed(client, calendar_page):
    EventFactory(title="Art night", status="cancelled")
    EventFactory(title="Walk", status="postponed")
    found = events_in(feed(client, "/en/events/feed.ics"))
    assert found["Cancelled: Art night"]["STATUS"] == "CANCELLED"
    assert found["Postponed: Walk"]["STATUS"] == "TENTATIVE"


def test_weekly_repeat_is_one_event_with_an_rrule_until_the_last_date(client, calendar_page):
    start = datetime(2030, 10, 1, 18, tzinfo=TORONTO)
    EventFactory(
        title="Weekly group",
        start=start,
        end=start + timedelta(hours=2),
        repeat="weekly",
        repeat_until=date(2030, 12, 10),
    )
    (vevent,) = feed(client, "/en/events/feed.ics").walk("VEVENT")
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    # The last session starts at 18:00 EST (after the clock change), 23:00 UTC.
    assert rule["UNTIL"] == [datetime(2030, 12, 10, 23, tzinfo=ZoneInfo("UTC"))]
    assert vevent.decoded("DTSTART") == start


def test_monthly_all_day_repeat_uses_dates(client, calendar_page):
    start = datetime(2030, 1, 15, tzinfo=TORONTO)
    EventFactory(
        title="Wellness day",
        start=start,
        end=start + timedelta(hours=23, minutes=59),
        all_day=True,
        repeat="monthly",
        repeat_until=date(2030, 6, 30),
    )
    (vevent,) = feed(client, "/en/events/feed.ics").walk("VEVENT")
    assert vevent.decoded("DTSTART") == date(2030, 1, 15)
    assert vevent.decoded("DTEND") == date(2030, 1, 16)
    assert vevent["RRULE"]["FREQ"] == ["MONTHLY"]
    assert vevent["RRULE"]["UNTIL"] == [date(2030, 6, 15)]


def test_online_event_location_is_its_link(client, calendar_page):
    EventFactory(
        title="Online circle", format="online", venue_name="", online_url="https://meet.example/c"
    )
    vevent = events_in(feed(client, "/en/events/feed.ics"))["Online circle"]
    assert vevent["LOCATION"] == "https://meet.example/c"
    assert vevent["DESCRIPTION"].endswith("Join online: https://meet.example/c")


def test_feed_has_upcoming_and_recent_live_events_only(client, calendar_page):
    EventFactory(title="Next week")
    EventFactory(title="Last week", start=next_week() - timedelta(days=14))
    EventFactory(title="Last year", start=next_week() - timedelta(days=400))
    EventFactory(title="Draft", live=False)
    assert set(events_in(feed(client, "/en/events/feed.ics"))) == {"Next week", "Last week"}


def test_single_event_download(client, calendar_page):
    event = EventFactory(title="Open house")
    EventFactory(title="Other")
    response = client.get(f"/en/events/{event.slug}/event.ics")
    assert response["Content-Disposition"] == f'inline; filename="{event.slug}.ics"'
    assert set(events_in(Calendar.from_ical(response.content))) == {"Open house"}


def test_draft_event_download_is_not_found(client, calendar_page):
    event = EventFactory(live=False)
    assert client.get(f"/en/events/{event.slug}/event.ics").status_code == 404


def test_program_feed_has_only_that_programs_events(client, home_page, calendar_page):
    index = ProgramIndexPageFactory(parent=home_page)
    program = ProgramPageFactory(parent=index, title="Peer support", slug="peer-support")
    EventFactory(title="Ours", program=program)
    EventFactory(title="Someone else's")
    calendar = feed(client, "/en/programs/peer-support/feed.ics")
    assert set(events_in(calendar)) == {"Ours"}
    assert calendar["X-WR-CALNAME"].endswith(": Peer support")


def test_french_feed_marks_and_labels_events_in_french(client, french_calendar):
    start = next_week()
    event = EventFactory(
        title="Art night",
        start=start,
        end=start + timedelta(hours=2),
        status="cancelled",
        registration_url="https://example.org/register",
    )
    event.save_revision().publish()
    (vevent,) = feed(client, "/fr/events/feed.ics").walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Annulé\u00a0: Art night"
    assert "Inscription\u00a0: https://example.org/register" in str(vevent["DESCRIPTION"])
    (vevent,) = feed(client, "/en/events/feed.ics").walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Cancelled: Art night"
