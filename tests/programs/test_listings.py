"""Visitors find events on the calendar_page, the home page and each program's page."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programs.models import EventDate
from tests.cms.factories import SiteSettingsFactory
from tests.programs.factories import (
    EventFactory,
    days_from_now,
)

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")
EMPTY = "There are no upcoming events at this time."


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def with_upcoming_events_block(home_page):
    home_page.body = [("upcoming_events", {"heading": "Upcoming Events", "count": 3})]
    home_page.save_revision().publish()


def test_empty_calendar_home_and_program_say_there_are_no_events(
    client, home_page, calendar_page, program
):
    with_upcoming_events_block(home_page)
    for url in ("/en/", "/en/events/", program.url):
        assert f'<p class="empty-state">{EMPTY}</p>' in html(client, url), url


def test_calendar_lists_upcoming_dates_in_order_grouped_by_month(client, calendar_page):
    later = EventFactory(title="Later", start=days_from_now(40))
    sooner = EventFactory(title="Sooner", start=days_from_now(2))
    EventFactory(title="Finished", start=days_from_now(-3))
    EventFactory(title="Draft", start=days_from_now(3), live=False)

    page = html(client, "/en/events/")

    assert page.index(">Sooner<") < page.index(">Later<")
    assert "Finished" not in page and "Draft" not in page
    months = {timezone.localtime(e.start).strftime("%B %Y") for e in (later, sooner)}
    assert all(f"<h2>{month}</h2>" in page for month in months)


def test_past_events_are_reachable_most_recent_first(client, calendar_page):
    EventFactory(title="Last month", start=days_from_now(-30))
    EventFactory(title="Last week", start=days_from_now(-7))
    EventFactory(title="Next week", start=days_from_now(7))

    page = html(client, "/en/events/?past=1")

    assert "<h1>Past events</h1>" in page
    assert page.index(">Last week<") < page.index(">Last month<")
    assert "Next week" not in page


def test_calendar_is_paginated(client, calendar_page):
    for day in range(1, 26):
        EventFactory(title=f"Session {day:02d}", start=days_from_now(day))

    first, second = html(client, "/en/events/"), html(client, "/en/events/?page=2")

    assert "Session 20" in first and "Session 21" not in first
    assert "Session 21" in second and "Page 2 of 2" in second


def test_times_are_local_with_the_zone_across_the_dst_change(client, french_calendar):
    EventFactory(
        title="Weekly group",
        start=datetime(2026, 10, 27, 18, 0, tzinfo=TORONTO),
        end=datetime(2026, 10, 27, 20, 0, tzinfo=TORONTO),
        repeat="weekly",
        repeat_until=datetime(2026, 11, 10).date(),
    )
    dates = EventDate.objects.live().between(start=datetime(2026, 10, 1, tzinfo=TORONTO))
    assert [timezone.localtime(o.start).hour for o in dates] == [18, 18, 18]
    assert [timezone.localtime(o.start).utcoffset() for o in dates] == [
        timedelta(hours=-4),
        timedelta(hours=-5),
        timedelta(hours=-5),
    ]
    page = html(client, "/en/events/weekly-group/")
    assert "Tuesday, October 27, 2026, 6:00 p.m. – 8:00 p.m. EDT" in page
    assert "Repeats every week until Tuesday, November 10, 2026." in page
    page = html(client, "/fr/events/weekly-group/")
    assert "mardi 27 octobre 2026, 18 h 00 – 20 h 00 EDT" in page
    assert "Se répète chaque semaine jusqu’au mardi 10 novembre 2026." in page


def test_cancelled_dates_stay_listed_and_clearly_marked(client, home_page, calendar_page):
    with_upcoming_events_block(home_page)
    EventFactory(title="Art night", slug="art-night", start=days_from_now(4), status="cancelled")
    EventFactory(title="Walk", slug="walk", start=days_from_now(6), status="postponed")

    for url in ("/en/", "/en/events/"):
        page = html(client, url)
        assert '<li class="occurrence occurrence--cancelled">' in page
        assert '<strong class="status status--cancelled">Cancelled</strong>' in page
    assert "This event is cancelled." in html(client, "/en/events/art-night/")
    assert "This event is postponed." in html(client, "/en/events/walk/")


def test_event_detail_offers_a_calendar_file_and_hides_drafts(client, calendar_page):
    event = EventFactory(title="Open house", slug="open-house", start=days_from_now(5))
    EventFactory(title="Secret", slug="secret", live=False)

    page = html(client, "/en/events/open-house/")

    assert "<h1>Open house</h1>" in page and event.venue_name in page
    assert 'href="/en/events/open-house/event.ics" download' in page
    assert client.get("/en/events/secret/").status_code == 404


def test_home_page_shows_the_next_dates_and_a_link_to_the_calendar(
    client, home_page, calendar_page
):
    with_upcoming_events_block(home_page)
    for day in range(1, 6):
        EventFactory(title=f"Meeting {day}", start=days_from_now(day))

    page = html(client, "/en/")

    assert "<h2>Upcoming Events</h2>" in page
    assert all(f">Meeting {day}<" in page for day in (1, 2, 3))
    assert "Meeting 4" not in page
    assert '<a href="/en/events/">See the full calendar</a>' in page


def test_program_page_lists_only_its_own_upcoming_dates(client, calendar_page, program):
    EventFactory(title="Group night", program=program, start=days_from_now(3))
    EventFactory(title="Other program", start=days_from_now(3))

    page = html(client, program.url)

    assert ">Group night<" in page and "Other program" not in page
    assert f'href="{program.url}feed.ics"' in page


def test_publishing_an_event_shows_it_at_once(client, home_page, calendar_page):
    with_upcoming_events_block(home_page)
    event = EventFactory(title="Picnic", start=days_from_now(6), live=False)
    assert "Picnic" not in html(client, "/en/")

    event.save_revision().publish()

    assert ">Picnic<" in html(client, "/en/")
    assert ">Picnic<" in html(client, "/en/events/")


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_calendar_entries_read_no_events_and_show_an_edit_at_once(client, calendar_page):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    event = EventFactory(title="Picnic", start=days_from_now(6))
    html(client, "/en/events/")
    with CaptureQueriesContext(connection) as queries:
        assert ">Picnic<" in html(client, "/en/events/")
    assert not [query for query in queries if '"programs_event"."title"' in query["sql"]]
    event.status = "cancelled"
    event.save()
    assert '<strong class="status status--cancelled">Cancelled</strong>' in html(
        client, "/en/events/"
    )
