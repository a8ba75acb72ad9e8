"""A volunteer cancels next week's meeting of a weekly group, in Chromium, and visitors see it."""

from datetime import date, timedelta

import icalendar
import recurring_ical_events
from django.utils import timezone
from django.utils.dateformat import format as format_date
from playwright.sync_api import expect

from programs.models import Event
from tests.browser.conftest import admin_menu, field, log_in, screenshot
from tests.programs.factories import EventFactory

TITLE = "Weekly peer support group"
REASON = "Facilitator away"


def weekly_group():
    """A live weekly group meeting from tomorrow, for five weeks."""
    start = timezone.localtime().replace(hour=18, minute=30, second=0, microsecond=0)
    start += timedelta(days=1)
    return EventFactory(
        title=TITLE,
        start=start,
        end=start + timedelta(minutes=90),
        repeat="weekly",
        repeat_until=(start + timedelta(weeks=4)).date(),
        venue_name="CONNECT drop-in room",
    )


def cancel_one_date(page, next_week):
    """Events → the group → Add change to one date: next week's, with a reason → Publish."""
    admin_menu(page).get_by_role("link", name="Events").click()
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("button", name="Add change to one date").click()
    page.get_by_role("combobox", name="Change").select_option(label="Cancel this date")
    page.get_by_role("combobox", name="Date").select_option(
        label=format_date(timezone.localtime(next_week), "l, F j, Y, P")
    )
    page.get_by_role("textbox", name="Reason or note").fill(REASON)
    page.get_by_role("heading", name="Cancel, move or add one date").scroll_into_view_if_needed()
    screenshot(page, "cancel-one-date")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("published", exact=False).first).to_be_visible()


def test_volunteer_cancels_next_weeks_meeting_and_visitors_see_why(site, page, volunteer):
    group = weekly_group()
    next_week = group.starts()[1]
    log_in(page, site, volunteer("Moderators"))
    cancel_one_date(page, next_week)
    assert Event.objects.get().dates.get(change="cancelled").start == next_week

    page.goto(site)
    upcoming = page.locator("section.upcoming-events")
    cancelled = upcoming.locator(".occurrence--cancelled")
    expect(cancelled).to_contain_text(f"Cancelled this time: {REASON}")
    expect(upcoming.locator(".occurrence")).to_have_count(3)  # the others still meet
    upcoming.scroll_into_view_if_needed()
    screenshot(page, "cancelled-date-on-home-page")

    feed = icalendar.Calendar.from_ical(page.request.get(f"{site}/events/feed.ics").body())
    dates = recurring_ical_events.of(feed).between(date.today(), date.today() + timedelta(weeks=6))
    statuses = {o.start: str(o["STATUS"]) for o in dates if TITLE in str(o["SUMMARY"])}
    assert statuses[next_week] == "CANCELLED"
    assert list(statuses.values()).count("CANCELLED") == 1 and len(statuses) == 5


def test_saving_a_new_event_while_typing_makes_one_event(site, page, volunteer, settings):
    """The add form sends nothing while a volunteer types (no autosave that a click on Save
    could race); Save sends it once, and there is one event."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500  # Wagtail's default, which the site fixture turns off
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    log_in(page, site, volunteer("Editors"))
    admin_menu(page).get_by_role("link", name="Events").click()
    page.get_by_role("link", name="Add event").click()
    add_url = page.url
    page.wait_for_timeout(2500)  # Wagtail notes the empty form 2 s after it opens, then watches
    start = timezone.localtime() + timedelta(days=3)
    field(page, "Title").fill(TITLE)
    field(page, "Start").fill(f"{start:%Y-%m-%d %H:%M}")
    field(page, "End").fill(f"{start + timedelta(hours=1):%Y-%m-%d %H:%M}")
    page.keyboard.press("Escape")
    field(page, "Venue name").fill("CONNECT drop-in room")
    # Past Wagtail's check and autosave intervals (500 ms each), when an autosave would be sent.
    page.wait_for_timeout(1500)
    assert "w-autosave" not in page.locator("[data-edit-form]").get_attribute("data-controller")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(f"Event '{TITLE}' created", exact=False)).to_be_visible()
    assert [url for url in posts if url.startswith(add_url)] == [add_url]
    assert Event.objects.filter(title=TITLE).count() == 1
