"""A cancelled, moved or extra date shows the same on every page, in the API and in the feeds."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programs.models import Event
from tests.programs.factories import ClosureFactory, EventFactory, change_dates
from tests.programs.test_events import toronto, weekly
from tests.programs.test_listings import with_upcoming_events_block

pytestmark = pytest.mark.django_db
# Daylight saving time starts in Toronto on Sunday, March 10, 2030: the group meets at 6 p.m.
# either side of it, 23:00 UTC before and 22:00 UTC after.
CANCELLED = toronto(2030, 3, 14, 18)
MOVED_FROM, MOVED_TO = toronto(2030, 3, 21, 18), toronto(2030, 3, 22, 19)
EXTRA = toronto(2030, 3, 16, 10)
CLOSED = date(2030, 3, 28)


@pytest.fixture
def group(program, calendar_page):
    event = weekly(toronto(2030, 3, 7, 18), date(2030, 4, 4), title="Open circle", program=program)
    ClosureFactory(date=CLOSED, label="Closed for the AGM")
    return change_dates(
        event,
        {"kind": "cancel", "original_start": CANCELLED, "note": "Snow day"},
        {
            "kind": "move",
            "original_start": MOVED_FROM,
            "new_start": MOVED_TO,
            "new_end": toronto(2030, 3, 22, 21),
            "venue_name": "Room B",
        },
        {"kind": "add", "new_start": EXTRA, "new_end": toronto(2030, 3, 16, 12)},
    )


def utc(moment):
    return moment.astimezone(UTC) if isinstance(moment, datetime) else moment


# The statuses calendar apps get, for those the site shows.
ICS_STATUSES = {"scheduled": "CONFIRMED", "moved": "CONFIRMED", "cancelled": "CANCELLED"}
EXPECTED = [
    (toronto(2030, 3, 7, 18), "scheduled"),
    (CANCELLED, "cancelled"),
    (EXTRA, "scheduled"),
    (MOVED_TO, "moved"),
    (toronto(2030, 3, 28, 18), "cancelled"),
    (toronto(2030, 4, 4, 18), "scheduled"),
]


def api_dates(client):
    items = client.get("/api/v3/events/?when=all").json()["items"]
    return [(datetime.fromisoformat(item["start"]), item["status"]) for item in items]


def feed_dates(client, url):
    """The feed's dates as a calendar app expands them: (start, end, STATUS, SUMMARY)."""
    calendar = icalendar.Calendar.from_ical(client.get(url).content)
    occurrences = recurring_ical_events.of(calendar).between(date(2030, 1, 1), date(2031, 1, 1))
    return sorted(
        (o.start, o.end, str(o.get("STATUS")), str(o.get("SUMMARY"))) for o in occurrences
    )


def test_api_lists_each_date_with_its_status_original_start_and_reason(client, group):
    items = client.get("/api/v3/events/?when=all").json()["items"]
    assert api_dates(client) == EXPECTED
    cancelled, extra, moved, closed = items[1], items[2], items[3], items[4]
    assert (cancelled["note"], cancelled["original_start"]) == ("Snow day", CANCELLED.isoformat())
    assert (moved["original_start"], moved["venue_name"]) == (MOVED_FROM.isoformat(), "Room B")
    assert moved["end"] == toronto(2030, 3, 22, 21).isoformat()
    assert extra["extra_date"] and extra["original_start"] is None
    assert closed["note"] == "Closed for the AGM"
    detail = client.get(f"/api/v3/events/{group.pk}/").json()
    assert [d["status"] for d in detail["upcoming"]] == [status for _, status in EXPECTED]


@pytest.mark.parametrize("url", ["/en/events/feed.ics", "/en/programs/peer-support/feed.ics"])
def test_feed_expanded_as_calendar_apps_do_gives_the_dates_the_api_gives(client, group, url):
    dates = feed_dates(client, url)
    assert [(utc(start), status) for start, _, status, _ in dates] == [
        (utc(start), ICS_STATUSES[status]) for start, status in api_dates(client)
    ]
    assert dates[3][:2] == (MOVED_TO, toronto(2030, 3, 22, 21))
    assert dates[1][3] == "Cancelled: Open circle" and dates[0][3] == "Open circle"


def test_feed_overrides_dates_by_recurrence_id_and_counts_each_change_in_sequence(client, group):
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/en/events/{group.slug}/event.ics").content
    )
    events = calendar.walk("VEVENT")
    overrides = [e for e in events if "RECURRENCE-ID" in e]
    assert [utc(e["RECURRENCE-ID"].dt) for e in overrides] == [
        utc(CANCELLED),
        utc(MOVED_FROM),
        utc(toronto(2030, 3, 28, 18)),
    ]
    assert len({e["UID"] for e in events}) == 2  # the series, and the extra date
    sequence = events[0]["SEQUENCE"]
    assert {e["SEQUENCE"] for e in overrides} == {sequence}

    group = Event.objects.get(pk=group.pk)
    group.title = "Open circle group"
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):  # published a minute later
        group.save()
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/en/events/{group.slug}/event.ics").content
    )
    assert calendar.walk("VEVENT")[0]["SEQUENCE"] > sequence


def test_pages_show_the_cancelled_date_still_listed_and_clearly_marked(
    client, home_page, calendar_page, group
):
    with_upcoming_events_block(home_page)
    for url in ("/en/", "/en/events/", group.program.url, f"/en/events/{group.slug}/"):
        html = client.get(url).content.decode()
        assert "Cancelled this time: Snow day" in html, url
        assert '<strong class="status status--cancelled">Cancelled</strong>' in html, url
    calendar = client.get("/en/events/").content.decode()
    assert "Moved from Thursday, March 21, 2030, 6:00 p.m." in calendar
    assert "Room B" in calendar and "Extra date" in calendar
    assert "Cancelled this time: Closed for the AGM" in calendar
    event_page = client.get(f"/en/events/{group.slug}/").content.decode()
    assert "Cancelled on Thursday, March 14: Snow day" in event_page
    assert "Thursday, March 21: moved to Friday, March 22, 7:00 p.m., Room B" in event_page


def test_programs_upcoming_events_in_v2_carry_each_dates_status(client, group):
    data = client.get(f"/api/v2/pages/{group.program_id}/").json()
    assert [e["status"] for e in data["upcoming_events"]][:4] == [
        "scheduled",
        "cancelled",
        "scheduled",
        "moved",
    ]


ROUTES = [
    "/en/",
    "/en/events/",
    "/en/programs/peer-support/",
    "/en/events/open-circle/",
    "/en/events/feed.ics",
    "/en/events/open-circle/event.ics",
    "/api/v3/events/?when=all",
    "/api/v2/pages/?type=programs.ProgramPage&fields=upcoming_events",
]


def query_counts(client):
    """Queries each route costs with every cache emptied first."""
    counts = {}
    for url in ROUTES:
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_pages_feeds_and_api_cost_the_same_queries_however_many_dates_are_changed(
    client, home_page, group
):
    with_upcoming_events_block(home_page)
    query_counts(client)  # warms Python's own per-process caches (content types), as a server's
    few = query_counts(client)
    more = [{"kind": "cancel", "original_start": toronto(2030, 3, 7, 18), "note": "Flu"}]
    more += [
        {
            "kind": "add",
            "new_start": toronto(2030, 3, day, 10),
            "new_end": toronto(2030, 3, day, 11),
        }
        for day in range(8, 13)
    ]
    change_dates(group, *more)
    ClosureFactory(date=date(2030, 4, 4), label="Easter")
    assert Event.objects.get().dates.exclude(change="").count() == 8  # from 4
    assert query_counts(client) == few


def test_a_moved_dates_new_end_is_when_the_calendar_next_changes(client, calendar_page):
    now = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    with time_machine.travel(now, tick=False) as frozen:
        event = EventFactory(title="Art night", start=now, end=now + timedelta(hours=1))
        moved = {"new_start": now + timedelta(hours=3), "new_end": now + timedelta(hours=4)}
        change_dates(event, {"kind": "move", "original_start": event.start, **moved})
        assert "Art night" in client.get("/en/events/").content.decode()

        frozen.shift(timedelta(hours=3, minutes=59, seconds=30))  # long past its planned end
        answer = client.get("/en/events/")
        assert "Art night" in answer.content.decode()
        assert answer["Cache-Control"].endswith("max-age=30")  # kept only until its new end

        frozen.shift(timedelta(minutes=1))
        assert "Art night" not in client.get("/en/events/").content.decode()


def test_a_new_closure_day_shows_at_once_on_kept_pages(client, calendar_page, group):
    assert "Closed for Easter" not in client.get("/en/events/").content.decode()
    ClosureFactory(date=date(2030, 4, 4), label="Closed for Easter")
    assert "Cancelled this time: Closed for Easter" in client.get("/en/events/").content.decode()


def test_dashboard_panel_marks_cancelled_and_moved_dates(admin_client, group):
    panel = admin_client.get("/admin/").content.decode()
    assert "Thu Mar 14, 6:00 PM (cancelled)" in panel
    assert "Fri Mar 22, 7:00 PM (moved)" in panel
    assert "Sat Mar 16, 10:00 AM" in panel
