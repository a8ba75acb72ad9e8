"""Volunteers at work in the admin, in Chromium: what they add reaches visitors, feeds and the API."""

from datetime import timedelta

import icalendar
from django.utils import timezone
from playwright.sync_api import expect

from programs.models import Event
from resources.models import Resource
from tests.browser.conftest import admin_menu, field, log_in, screenshot, type_rich_text

TITLE = "Coffee and conversation"


def next_week_at_six():
    """A date visitors will see as upcoming: a week from now, 6:30 to 8 pm Toronto time."""
    start = timezone.localtime() + timedelta(days=7)
    start = start.replace(hour=18, minute=30, second=0, microsecond=0)
    return start, start + timedelta(minutes=90)


def add_event_as_draft(page, start, end):
    """Events → Add event: fill in what, when and where, then save it as a draft."""
    admin_menu(page).get_by_role("link", name="Events").click()
    page.get_by_role("link", name="Add event").click()
    field(page, "Title").fill(TITLE)
    field(page, "Start").fill(f"{start:%Y-%m-%d %H:%M}")
    field(page, "End").fill(f"{end:%Y-%m-%d %H:%M}")
    page.keyboard.press("Escape")
    field(page, "Venue name").fill("CONNECT drop-in room")
    field(page, "Street address").fill("536 Queens Ave")
    field(page, "City").fill("London")
    field(page, "Postal code").fill("N6B 1Y8")
    type_rich_text(
        page.get_by_role("region", name="Description").get_by_role("textbox"),
        "An easy evening: tea, coffee and a chat with peer supporters.",
    )
    field(page, "Title").scroll_into_view_if_needed()
    screenshot(page, "add-event")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(f"Event '{TITLE}' created", exact=False)).to_be_visible()


def publish_event(page):
    """Events → the event → Publish, from the menu beside "Save draft"."""
    admin_menu(page).get_by_role("link", name="Events").click()
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("button", name="More actions").click()
    screenshot(page, "publish-event")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("published", exact=False).first).to_be_visible()


def cancel_event(page):
    """Events → the event → Status: Cancelled → Publish. It stays listed, marked cancelled."""
    admin_menu(page).get_by_role("link", name="Events").click()
    page.get_by_role("link", name=TITLE).first.click()
    status = page.get_by_role("combobox", name="Status")
    status.select_option(label="Cancelled")
    status.scroll_into_view_if_needed()
    page.get_by_role("button", name="More actions").click()
    screenshot(page, "cancel-event")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("published", exact=False).first).to_be_visible()


def assert_event_is_public(page, site, start):
    """The event is on the home page, the calendar page, the calendar feed and the API."""
    page.goto(site)
    upcoming = page.locator("section.upcoming-events")
    expect(upcoming.get_by_role("link", name=TITLE)).to_be_visible()
    page.goto(f"{site}/events/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("CONNECT drop-in room").first).to_be_visible()

    feed = icalendar.Calendar.from_ical(page.request.get(f"{site}/events/feed.ics").body())
    (vevent,) = [e for e in feed.walk("VEVENT") if str(e["SUMMARY"]) == TITLE]
    assert vevent.decoded("DTSTART") == start

    api = page.request.get(f"{site}/api/v3/events/").json()
    (item,) = [item for item in api["items"] if item["title"] == TITLE]
    assert item["venue_name"] == "CONNECT drop-in room"
    assert item["start"] == start.isoformat()


def test_editor_adds_event_moderator_publishes_it_and_visitors_see_it(
    site, page, new_context, volunteer
):
    start, end = next_week_at_six()
    log_in(page, site, volunteer("Editors"))
    add_event_as_draft(page, start, end)
    assert Event.objects.filter(title=TITLE, live=False).count() == 1

    moderator_page = new_context().new_page()
    log_in(moderator_page, site, volunteer("Moderators"))
    publish_event(moderator_page)
    assert Event.objects.get(title=TITLE).live

    assert_event_is_public(page, site, start)

    cancel_event(moderator_page)
    page.goto(f"{site}/events/")
    expect(page.locator(".occurrence", has_text=TITLE)).to_contain_text("Cancelled")


RESOURCE = "Forest City Housing Help"


def add_resource(page):
    """Resource directory → Resources → Add: describe it, pick a category and a language, save."""
    admin_menu(page).get_by_role("button", name="Resource directory").click()
    admin_menu(page).get_by_role("link", name="Resources").click()
    page.get_by_role("link", name="Add resource").click()
    field(page, "Name").fill(RESOURCE)
    field(page, "Short description").fill("Help finding and keeping a home, for adults in London.")
    field(page, "Website").fill("https://housing.example.org")
    field(page, "Service area").fill("London and Middlesex")
    page.get_by_role("checkbox", name="French").check()
    field(page, "Tags").fill("housing")  # the categories box; Wagtail labels it "Tags"
    screenshot(page, "add-resource")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"'{RESOURCE}' created", exact=False)).to_be_visible()


def test_editor_adds_resource_and_visitor_finds_it_with_the_directory_filter(site, page, volunteer):
    log_in(page, site, volunteer("Editors"))
    add_resource(page)
    resource = Resource.objects.get(name=RESOURCE)
    assert [tag.name for tag in resource.categories.all()] == ["housing"]

    page.goto(f"{site}/resources/")
    page.get_by_label("Category").select_option(label="housing")
    page.get_by_role("button", name="Show resources").click()
    expect(page.get_by_role("heading", name="1 resource")).to_be_visible()
    page.get_by_role("link", name=RESOURCE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(RESOURCE)
    expect(page.get_by_text("French")).to_be_visible()
