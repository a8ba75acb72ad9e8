"""Each date of an event is a row, kept in step with the live event, never with a draft."""

import importlib
from datetime import date, timedelta
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.scale.programs import ensure_events
from programs.models import Event, EventDate
from tests.cms.factories import SiteSettingsFactory
from tests.programs.factories import EventFactory, days_from_now
from tests.programs.test_admin import EVENTS, form_data
from tests.programs.test_events import timezone_free, toronto, weekly
from tests.programs.test_listings import with_upcoming_events_block

pytestmark = pytest.mark.django_db


def dates_of(event):
    """The event's dates as Toronto wall-clock (start, end) pairs, soonest first."""
    return [(timezone_free(d.start), timezone_free(d.end)) for d in event.dates.all()]


def expected_dates(event):
    return [
        (timezone_free(start), timezone_free(start + (event.end - event.start)))
        for start in event.starts()
    ]


def api_starts(client):
    """Start days of the upcoming dates /api/v3/events/ gives, as (month, day)."""
    items = client.get("/api/v3/events/?when=all").json()["items"]
    return [(int(item["start"][5:7]), int(item["start"][8:10])) for item in items]


def test_new_event_has_a_row_for_each_of_its_dates():
    event = weekly(toronto(2026, 3, 5, 18), date(2026, 4, 2))
    assert len(dates_of(event)) == 5
    assert dates_of(event) == expected_dates(event)


def test_dates_follow_the_event_when_it_is_saved_with_new_dates():
    event = weekly(toronto(2026, 3, 5, 18), date(2026, 4, 2))
    event.repeat, event.repeat_until = "", None
    event.save()
    assert dates_of(event) == expected_dates(event) and len(dates_of(event)) == 1
    event.start += timedelta(days=1)
    event.end += timedelta(days=1)
    event.save(update_fields=["start", "end"])
    assert [start.day for start, _ in dates_of(event)] == [6]


def test_saving_other_fields_leaves_the_dates_alone():
    event = weekly(toronto(2026, 3, 5, 18), date(2026, 4, 2))
    event.start += timedelta(days=1)  # as a draft's values sit on the instance
    with CaptureQueriesContext(connection) as queries:
        event.save(update_fields=["latest_revision"])
    assert not any("programs_eventdate" in query["sql"] for query in queries)
    assert [start.day for start, _ in dates_of(event)][:2] == [5, 12]


def test_saving_an_event_costs_the_same_queries_however_many_dates_it_has():
    def queries_to_save(until):
        event = weekly(toronto(2026, 3, 5, 18), until)
        with CaptureQueriesContext(connection) as queries:
            event.save()
        return len(queries)

    assert queries_to_save(date(2026, 3, 12)) == queries_to_save(date(2026, 9, 3))


def test_deleting_an_event_deletes_its_dates():
    event = weekly(toronto(2026, 3, 5, 18), date(2026, 4, 2))
    EventFactory()
    event.delete()
    assert EventDate.objects.count() == 1


def test_a_draft_edit_changes_no_public_date_until_it_is_published(
    admin_client, client, calendar_page
):
    live = {"start": "2030-03-07 18:00", "end": "2030-03-07 20:00"}
    weekly_until = {"repeat": "weekly", "repeat_until": "2030-03-21"}
    admin_client.post(f"{EVENTS}add/", form_data(**live, **weekly_until))
    event = Event.objects.get()
    edit = f"{EVENTS}edit/{event.pk}/"
    moved = form_data(start="2030-04-04 18:00", end="2030-04-04 20:00")
    draft = {key: value for key, value in moved.items() if key != "action-publish"}

    assert admin_client.post(edit, draft).status_code == 302
    event.refresh_from_db()
    assert event.has_unpublished_changes
    assert api_starts(client) == [(3, 7), (3, 14), (3, 21)]
    assert "March 14, 2030" in client.get("/en/events/").content.decode()

    assert admin_client.post(edit, moved).status_code == 302
    assert api_starts(client) == [(4, 4)]  # no longer weekly: the other dates are gone
    assert EventDate.objects.count() == 1


def test_scheduled_changes_reach_the_dates_when_publish_scheduled_runs(client, calendar_page):
    event = EventFactory(start=days_from_now(3), live=False)
    event.save_revision().publish()
    event.refresh_from_db()  # as the edit view loads it: live, with its live revision
    first_day = timezone.localtime(event.start).day
    go_live = timezone.now() + timedelta(hours=1)
    event.start += timedelta(days=1)
    event.end += timedelta(days=1)
    event.go_live_at = go_live
    event.save_revision().publish()

    event.refresh_from_db()
    assert [start.day for start, _ in dates_of(event)] == [first_day]
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    event.refresh_from_db()
    assert dates_of(event) == expected_dates(event)
    assert timezone.localtime(event.start).day != first_day


def test_unpublished_event_dates_are_shown_nowhere(
    admin_client, client, home_page, calendar_page, program
):
    with_upcoming_events_block(home_page)
    event = EventFactory(title="Hidden walk", program=program, repeat="weekly")
    event.save_revision().publish()
    event.unpublish()
    places = {
        "home": client.get("/en/").content.decode(),
        "events": client.get("/en/events/").content.decode(),
        "program": client.get(program.url).content.decode(),
        "api": client.get("/api/v3/events/").content.decode(),
        "program api": client.get(f"/api/v3/pages/{program.pk}/").content.decode(),
        "dashboard": admin_client.get("/admin/").content.decode(),
    }
    assert [place for place, text in places.items() if "Hidden walk" in text] == []
    assert event.dates.exists()  # kept, ready for when it is published again


def test_cancelled_dates_are_listed_marked_for_other_sites_and_volunteers(
    admin_client, client, calendar_page, program
):
    EventFactory(title="Art night", program=program, status="cancelled")

    [item] = client.get("/api/v3/events/").json()["items"]
    assert (item["title"], item["status"]) == ("Art night", "cancelled")
    page = client.get(program.url).content.decode()
    assert '<strong class="status status--cancelled">Cancelled</strong>' in page
    assert "(cancelled)" in admin_client.get("/admin/").content.decode()


def test_migration_fills_the_dates_of_existing_events():
    events = [weekly(toronto(2026, 3, 5, 18), date(2026, 5, 7)), EventFactory()]
    EventDate.objects.all().delete()
    migration = importlib.import_module("programs.migrations.0006_event_dates")
    migration.fill_event_dates(apps, None)
    assert [dates_of(event) for event in events] == [expected_dates(event) for event in events]


def test_generated_events_get_their_dates_in_bulk():
    with CaptureQueriesContext(connection) as queries:
        made, count = ensure_events(40, [], timezone.localdate())
    assert count == 40 and len(queries) < 20
    assert all(dates_of(event) == expected_dates(event) for event in made)


LISTINGS = [
    "/en/",
    "/en/events/",
    "/en/events/?past=1",
    "/api/v3/events/",
    "/api/v3/events/?when=past",
]


def queries_per_listing(client, program, count):
    """{url: queries} with `count` more weekly events, half of them the program's."""
    for n in range(count):
        weekly(days_from_now(n - count), date.today() + timedelta(weeks=8), program=program)
    urls = [*LISTINGS, program.url, f"/api/v3/pages/{program.pk}/"]
    counts = {}
    for url in urls:
        client.get(url)  # fills the menu and footer caches, as in a running site
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_listing_dates_costs_the_same_queries_for_few_events_or_many(
    client, home_page, calendar_page, program
):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    with_upcoming_events_block(home_page)
    few = queries_per_listing(client, program, 2)
    many = queries_per_listing(client, program, 20)
    assert many == few


def test_dates_are_live_exactly_while_their_event_is(client, calendar_page):
    event = EventFactory(title="Garden walk", repeat="weekly")
    event.save_revision().publish()
    assert set(event.dates.values_list("live", flat=True)) == {True}
    event.unpublish()
    assert set(event.dates.values_list("live", flat=True)) == {False}
    event.refresh_from_db()
    event.save_revision().publish()
    assert "Garden walk" in client.get("/en/events/").content.decode()


def test_migration_marks_the_dates_of_unpublished_events_not_live():
    shown, hidden = EventFactory(), EventFactory(live=False)
    EventDate.objects.update(live=True)
    migration = importlib.import_module("programs.migrations.0007_live_event_dates")
    migration.copy_live(apps, None)
    assert set(shown.dates.values_list("live", flat=True)) == {True}
    assert set(hidden.dates.values_list("live", flat=True)) == {False}
