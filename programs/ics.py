"""iCalendar (RFC 5545) feeds of events, for calendar apps to subscribe to or import."""

import re
from datetime import UTC, timedelta
from html import unescape

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Timezone
from icalendar import Event as VEvent
from icalendar.enums import STATUS
from wagtail.models import Site

STATUSES = {
    "scheduled": STATUS.CONFIRMED,
    "cancelled": STATUS.CANCELLED,
    "postponed": STATUS.TENTATIVE,
}
# Some calendar apps hide or ignore STATUS, and our events stay listed, clearly marked.
SUMMARY_PREFIXES = {"cancelled": _("Cancelled: "), "postponed": _("Postponed: ")}
LINE_ENDS = re.compile(r"</(p|li)>|<br\s*/?>", re.IGNORECASE)
LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)


def calendar_response(events, filename, title, events_page):
    """The events as a calendar file, `<filename>.ics`: one VEVENT each, repeats as an RRULE, each
    linking to its page under `events_page` (if there is one)."""
    site = Site.objects.get(is_default_site=True)
    calendar = new_calendar(site.site_name or settings.WAGTAIL_SITE_NAME, title)
    for event in events:
        calendar.add_component(vevent(event, site.hostname, events_page))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def new_calendar(site_name, title):
    """A VCALENDAR published by the site, with the Toronto time zone its events use."""
    calendar = Calendar()
    calendar.version = "2.0"
    calendar.prodid = f"-//{site_name}//Events//EN"
    calendar.calscale = "GREGORIAN"
    calendar.method = "PUBLISH"
    calendar.calendar_name = f"{site_name}: {title}"
    calendar.add("X-WR-TIMEZONE", settings.TIME_ZONE)
    calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    return calendar


def vevent(event, hostname, events_page):
    """One event as a VEVENT whose UID stays the same when the event is edited."""
    start, end = start_and_end(event)
    published = event.last_published_at  # In UTC, as Django gives every datetime.
    component = VEvent.new(
        uid=f"event-{event.pk}@{hostname}",
        # Events made outside the admin were never published; DTSTAMP is then this copy's.
        stamp=published or timezone.now(),
        last_modified=published,
        start=start,
        end=end,
        summary=f"{SUMMARY_PREFIXES.get(event.status, '')}{event.title}",
        description=description(event) or None,
        location=location(event) or None,
        url=events_page and events_page.event_url(event),
        status=STATUSES[event.status],
    )
    if event.repeat:
        component.add("RRULE", {"FREQ": event.repeat.upper(), "UNTIL": repeat_until(event)})
    return component


def start_and_end(event):
    """DTSTART and DTEND: Toronto times, or dates (the end exclusive) for an all-day event."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    if event.all_day:
        return start.date(), end.date() + timedelta(days=1)
    return start, end


def repeat_until(event):
    """The RRULE's UNTIL: the last date's start in UTC, or that date for an all-day event."""
    last_start = timezone.localtime(event.starts()[-1])
    return last_start.date() if event.all_day else last_start.astimezone(UTC)


def description(event):
    """The description as plain text, then where to register and the link to join online."""
    parts = [plain_text(event.description)]
    if event.registration_url:
        parts.append(gettext("Register: %(url)s") % {"url": event.registration_url})
    if event.online_url:
        parts.append(gettext("Join online: %(url)s") % {"url": event.online_url})
    return "\n\n".join(part for part in parts if part)


def plain_text(html):
    """Rich text as plain text: a line per paragraph, list items bulleted."""
    text = unescape(strip_tags(LINE_ENDS.sub("\n", LIST_ITEM.sub("• ", html))))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def location(event):
    """The venue and its address, or the link to join for an online-only event."""
    if event.format == "online":
        return event.online_url
    return ", ".join(part for part in [event.venue_name, *event.address_lines] if part)
