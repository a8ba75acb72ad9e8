"""/api/v3/events/: the events calendar for other sites, each date of a repeating event listed."""

from datetime import date, datetime, time, timedelta
from typing import Literal

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from rest_framework.fields import Field as SerializerField
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.rich_text import expand_db_html

from cms.models import RememberedItems
from programs.models.events import Event, EventDate, programs_of_events

router = Router(tags=["events"], auth=AllowAnonymous())


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


class EventFilters(Schema):
    when: Literal["upcoming", "past", "all"] = Field(
        "upcoming", description="Dates still to come (soonest first), past ones, or all."
    )
    program: str | None = Field(None, description="A program's id or slug.")
    start_date: date | None = Field(None, description="Only dates on or after this day.")
    end_date: date | None = Field(None, description="Only dates on or before this day.")


def event_representation(event, start, end, events_page):
    """An event on one of its dates, as the API gives it."""
    program = event.program
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


def occurrences_representation(occurrences, events_page=None):
    events_page = events_page or live_events_page()
    return [event_representation(o.event, o.start, o.end, events_page) for o in occurrences]


def occurrence_items(dates):
    """The API items of these dates, each with its event and program read at once."""
    prefetch_related_objects(dates, "event", programs_of_events())
    return occurrences_representation(dates)


def live_events_page():
    """The events calendar page, under which each event has its own page; None if none is live."""
    from programs.models.pages import EventIndexPage  # Not at the top: the page models import us.

    return EventIndexPage.objects.live().first()


@router.get(
    "/",
    response=list[EventBase],
    url_name="list_events",
    operation_id="events_list",
    summary="List events",
)
@paginate(WagtailLimitOffsetPagination)
def list_events(request, filters: Query[EventFilters]):
    """Live events, one item per date: upcoming soonest first, past most recent first."""
    if filters.start_date and filters.end_date and filters.end_date < filters.start_date:
        raise HttpError(400, "end_date must be on or after start_date.")
    dates = EventDate.objects.live()
    if filters.program is not None:
        dates = dates.filter(program=program_by_id_or_slug(filters.program))
    start = local_midnight(filters.start_date)
    end = local_midnight(filters.end_date and filters.end_date + timedelta(days=1))
    dates = dates.between(start, end)
    if filters.when == "upcoming":
        dates = dates.upcoming()
    elif filters.when == "past":
        dates = dates.past()
    return RememberedItems(request, "api-event-date", dates, occurrence_items)


@router.get(
    "/{event_id}/",
    response=EventDetail,
    url_name="event",
    operation_id="events_detail",
    summary="Event",
)
def event_detail(request, event_id: int):
    """One live event, on its first date, with its dates still to come."""
    event = get_object_or_404(Event.objects.live().select_related("program"), pk=event_id)
    upcoming = event.dates.upcoming()
    representation = event_representation(event, event.start, event.end, live_events_page())
    representation["upcoming"] = [
        {"start": timezone.localtime(o.start), "end": timezone.localtime(o.end)} for o in upcoming
    ]
    return representation


def program_by_id_or_slug(value):
    from programs.models.pages import ProgramPage  # Not at the top: the page models import us.

    programs = ProgramPage.objects.live().public()
    found = programs.filter(**{"pk" if value.isdigit() else "slug": value}).first()
    if found is None:
        raise HttpError(400, f"program: no published program has the id or slug {value!r}.")
    return found


def local_midnight(day):
    """The start of a Toronto day, aware; None for no day."""
    return day and timezone.make_aware(datetime.combine(day, time.min))


class UpcomingEventsField(SerializerField):
    """A program's next dates in the page API (v2 and v3), shaped as /api/v3/events/ items."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, program) -> list[EventBase]:
        # Looked up once for a whole v2 listing of programs (v3 gives a fresh dict each time).
        context = self.context
        if context.get("events_page") is None:
            context["events_page"] = live_events_page()
        return occurrences_representation(program.upcoming_occurrences(), context["events_page"])
