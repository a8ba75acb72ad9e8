"""What the API says of an event on one of its dates: its schema and its representation."""

from datetime import date, datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema
from wagtail.rich_text import expand_db_html

from cms.translations import localized_pages


class ProgramRef(Schema):
    id: int
    title: str
    url: str | None


class EventBase(Schema):
    id: int = Field(description="The event's id; every date of a repeating event shares it.")
    title: str
    slug: str
    start: datetime = Field(description="Start of this date, in Toronto time with its offset.")
    end: datetime
    all_day: bool
    status: Literal["scheduled", "cancelled", "postponed", "moved"] = Field(
        description="This date's status: the event's, or 'cancelled' or 'moved' when only this "
        "date was (a closure day cancels dates too)."
    )
    original_start: datetime | None = Field(
        description="When this date was planned to start, before it was moved or cancelled; "
        "null for an extra date."
    )
    extra_date: bool = Field(description="True for a date added to a repeating event.")
    note: str = Field(description="Why this date was cancelled or moved, shown to visitors.")
    format: Literal["in_person", "online", "hybrid"]
    venue_name: str = Field(description="Where this date happens (it may differ on one date).")
    address: list[str] = Field(description="The venue's postal address, a line per item.")
    online_url: str
    description: str = Field(description="HTML.")
    registration_url: str
    repeat: Literal["", "weekly", "monthly"]
    repeat_until: date | None
    program: ProgramRef | None
    url: str | None = Field(description="The event's page on this site.")
    ics_url: str | None = Field(description="The event as an iCalendar file.")


class Dates(Schema):
    start: datetime
    end: datetime
    status: Literal["scheduled", "cancelled", "postponed", "moved"]
    original_start: datetime | None
    note: str


class EventDetail(EventBase):
    upcoming: list[Dates] = Field(description="This event's dates still to come, soonest first.")


def live_programs(events):
    """{program id: the live program, in the visitor's language where translated} of the events
    (a draft program has no page to show)."""
    programs = {event.program_id: event.program for event in events if event.program_id}
    live = [program for program in programs.values() if program.live]
    return {program.pk: shown for program, shown in zip(live, localized_pages(live), strict=True)}


def event_representation(event, start, end, events_page, programs=None):
    """An event on one of its dates, as the API gives it, with its program from `programs` (see
    live_programs) when given."""
    if programs is None:
        programs = live_programs([event])
    program = programs.get(event.program_id)
    return {
        "id": event.pk,
        "title": event.shown_text("title"),
        "slug": event.slug,
        "start": timezone.localtime(start),
        "end": timezone.localtime(end),
        "all_day": event.all_day,
        "status": event.status,
        "original_start": timezone.localtime(start),
        "extra_date": False,
        "note": "",
        "format": event.format,
        "venue_name": event.venue_name,
        "address": event.address_lines,
        "online_url": event.online_url,
        "description": expand_db_html(event.shown_text("description")),
        "registration_url": event.registration_url,
        "repeat": event.repeat,
        "repeat_until": event.repeat_until,
        "program": program and {"id": program.pk, "title": program.title, "url": program.full_url},
        "url": events_page and events_page.event_url(event),
        "ics_url": events_page and events_page.event_ics_url(event),
    }


def dates_representation(date):
    """What the API says of one date of an event, besides the event."""
    original_start = date.original_start and timezone.localtime(date.original_start)
    return {
        "start": timezone.localtime(date.start),
        "end": timezone.localtime(date.end),
        "status": date.status,
        "original_start": original_start,
        "note": date.note,
    }


def occurrences_representation(occurrences, events_page):
    """Each date with its event, as the API gives them; links lead under `events_page`."""
    programs = live_programs([o.event for o in occurrences])
    return [
        {
            **event_representation(o.event, o.start, o.end, events_page, programs),
            **dates_representation(o),
            "extra_date": o.change == "added",
            "venue_name": o.venue,
            "online_url": o.link,
        }
        for o in occurrences
    ]
