"""What the API says of an event on one of its dates: its schema and its representation."""

from datetime import date, datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema
from wagtail.rich_text import expand_db_html


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
    status: Literal["scheduled", "cancelled", "postponed"]
    format: Literal["in_person", "online", "hybrid"]
    venue_name: str
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


class EventDetail(EventBase):
    upcoming: list[Dates] = Field(description="This event's dates still to come, soonest first.")


def event_representation(event, start, end, events_page):
    """An event on one of its dates, as the API gives it."""
    program = event.program if event.program and event.program.live else None  # a draft: no page
    return {
        "id": event.pk,
        "title": event.title,
        "slug": event.slug,
        "start": timezone.localtime(start),
        "end": timezone.localtime(end),
        "all_day": event.all_day,
        "status": event.status,
        "format": event.format,
        "venue_name": event.venue_name,
        "address": event.address_lines,
        "online_url": event.online_url,
        "description": expand_db_html(event.description),
        "registration_url": event.registration_url,
        "repeat": event.repeat,
        "repeat_until": event.repeat_until,
        "program": program and {"id": program.pk, "title": program.title, "url": program.full_url},
        "url": events_page and events_page.event_url(event),
        "ics_url": events_page and events_page.event_ics_url(event),
    }


def occurrences_representation(occurrences, events_page):
    """Each date with its event, as the API gives them; links lead under `events_page`."""
    return [event_representation(o.event, o.start, o.end, events_page) for o in occurrences]
