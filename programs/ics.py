"""iCalendar (RFC 5545) feeds of events, for calendar apps to subscribe to or import."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
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
    "moved": STATUS.CONFIRMED,
}
# SEQUENCE counts seconds from here to when the event's dates last changed: it grows with every
# change and stays a 32-bit number until 2088, as some calendar apps expect.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
# Some calendar apps hide or ignore STATUS, and our events stay listed, clearly marked.
SUMMARY_PREFIXES = {"cancelled": _("Cancelled: "), "postponed": _("Postponed: ")}
LINE_ENDS = re.compile(r"</(p|li)>|<br\s*/?>", re.IGNORECASE)
LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)


def calendar_response(events, filename, title, events_page):
    """The events (with_changed_dates) as a calendar file, `<filename>.ics`: one VEVENT each, repeats as an RRULE with
    an override for each cancelled or moved date and a VEVENT of its own for each extra date,
    each linking to its page under `events_page` (if there is one)."""
    site = Site.objects.get(is_default_site=True)
    calendar = new_calendar(site.site_name or getattr(settings, "WAGTAIL_SITE_NAME", ""), title)
    for event in events:
        for component in vevents(event, site.hostname, events_page):
            calendar.add_component(component)
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


def vevents(event, hostname, events_page):
    """The event's VEVENTs: the event itself (a one-off event as its only date now is), then for
    a repeating one an override of each cancelled or moved date, then each extra date."""
    uid = f"event-{event.pk}@{hostname}"
    rule_dates = [date for date in event.changed_dates if date.change != "added"]
    if not event.repeat:
        yield vevent(event, uid, events_page, rule_dates[0] if rule_dates else None)
    else:
        yield vevent(event, uid, events_page)
        for date in rule_dates:
            yield vevent(event, uid, events_page, date, recurrence_id=date.original_start)
    for date in event.changed_dates:
        if date.change == "added":
            extra_uid = f"event-{event.pk}-{date.start.astimezone(UTC):%Y%m%dT%H%M%SZ}@{hostname}"
            yield vevent(event, extra_uid, events_page, date)


def vevent(event, uid, events_page, date=None, recurrence_id=None):
    """The event, or one of its dates (`date`), as a VEVENT; the UID stays the same when the event
    is edited, and SEQUENCE grows with every change of its dates."""
    start, end = start_and_end(event, date or event)
    status = date.status if date else event.status
    published = event.last_published_at  # In UTC, as Django gives every datetime.
    changed = event.dates_changed_at
    component = VEvent.new(
        uid=uid,
        # Events made outside the admin were never published; DTSTAMP is then this copy's.
        stamp=published or timezone.now(),
        last_modified=published,
        start=start,
        end=end,
        recurrence_id=recurrence_id and start_and_end(event, None, recurrence_id)[0],
        sequence=int((changed - SEQUENCE_EPOCH).total_seconds()) if changed else 0,
        summary=f"{SUMMARY_PREFIXES.get(status, '')}{event.shown_text('title')}",
        description=description(event, date) or None,
        location=location(event, date) or None,
        url=events_page and events_page.event_url(event),
        status=STATUSES[status],
    )
    if event.repeat and date is None:
        component.add("RRULE", {"FREQ": event.repeat.upper(), "UNTIL": repeat_until(event)})
    return component


def start_and_end(event, span, start=None):
    """DTSTART and DTEND of the span (the event or one of its dates), or the given start alone:
    Toronto times, or dates (the end exclusive) for an all-day event."""
    start = timezone.localtime(start or span.start)
    end = span and timezone.localtime(span.end)
    if event.all_day:
        return start.date(), end and end.date() + timedelta(days=1)
    return start, end


def repeat_until(event):
    """The RRULE's UNTIL: the last date's start in UTC, or that date for an all-day event."""
    last_start = timezone.localtime(event.starts()[-1])
    return last_start.date() if event.all_day else last_start.astimezone(UTC)


def description(event, date=None):
    """What changed on this date, the description as plain text, then where to register and the
    link to join online."""
    link = date.link if date else event.online_url
    parts = [date and date_change(date), plain_text(event.shown_text("description"))]
    if event.registration_url:
        parts.append(gettext("Register: %(url)s") % {"url": event.registration_url})
    if link:
        parts.append(gettext("Join online: %(url)s") % {"url": link})
    return "\n\n".join(part for part in parts if part)


def date_change(date):
    """What changed on this one date, in words, e.g. 'Cancelled this time: Snow day'."""
    if date.change == "cancelled":
        if date.note:
            return gettext("Cancelled this time: %(reason)s") % {"reason": date.note}
        return gettext("Cancelled this time.")
    if date.change == "moved":
        moved = date_format(timezone.localtime(date.original_start), "DATETIME_FORMAT")
        if date.note:
            return gettext("Moved from %(date)s: %(note)s") % {"date": moved, "note": date.note}
        return gettext("Moved from %(date)s.") % {"date": moved}
    return date.note


def plain_text(html):
    """Rich text as plain text: a line per paragraph, list items bulleted."""
    text = unescape(strip_tags(LINE_ENDS.sub("\n", LIST_ITEM.sub("• ", html))))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def location(event, date=None):
    """The venue (this date's, if it has its own) and its address, or the link to join for an
    online-only event."""
    if event.format == "online":
        return date.link if date else event.online_url
    venue = date.venue if date else event.venue_name
    return ", ".join(part for part in [venue, *event.address_lines] if part)
