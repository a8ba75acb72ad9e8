"""/api/v3/events/: the events calendar for other sites, each date of a repeating event listed."""

from datetime import date, datetime, time, timedelta
from typing import Literal

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous

from cms.api.languages import LanguageCode, LocaleQuery, answer_in
from cms.caching import CachedItems, valid_until
from cms.pagination import ListPagination
from programs.models import Event, EventDate, ProgramPage
from programs.models.events import programs_of_events, until_one_ends, upcoming_dates_change
from programs.models.pages import live_events_page
from programs.schemas import (
    EventBase,
    EventDetail,
    dates_representation,
    event_representation,
    occurrences_representation,
)

router = Router(tags=["events"], auth=AllowAnonymous())


class EventFilters(Schema):
    when: Literal["upcoming", "past", "all"] = Field(
        "upcoming", description="Dates still to come (soonest first), past ones, or all."
    )
    program: str | None = Field(None, description="A program's id or slug.")
    start_date: date | None = Field(None, description="Only dates on or after this day.")
    end_date: date | None = Field(None, description="Only dates on or before this day.")


def occurrence_items(dates):
    """The API items of these dates, each with its event and program read at once."""
    prefetch_related_objects(dates, "event", programs_of_events())
    return occurrences_representation(dates, live_events_page())


@router.get(
    "/",
    response=list[EventBase],
    url_name="list_events",
    operation_id="events_list",
    summary="List events",
)
@paginate(ListPagination)
def list_events(request, filters: Query[EventFilters], locale: LanguageCode | None = LocaleQuery):
    """Live events, one item per date: upcoming soonest first, past most recent first. With
    `locale=fr`, titles, descriptions and programs in French where translated, and links to the
    French pages."""
    answer_in(locale)
    if filters.start_date and filters.end_date and filters.end_date < filters.start_date:
        raise HttpError(400, "end_date must be on or after start_date.")
    dates = EventDate.objects.live()
    if filters.program is not None:
        program = program_by_id_or_slug(filters.program)
        dates = dates.filter(program__translation_key=program.translation_key)
    start = local_midnight(filters.start_date)
    end = local_midnight(filters.end_date and filters.end_date + timedelta(days=1))
    dates = dates.between(start, end)
    if filters.when == "upcoming":
        dates = dates.upcoming()
    elif filters.when == "past":
        dates = dates.past()
    if filters.when != "all":
        valid_until(upcoming_dates_change())
    return CachedItems("api-event-date", dates, occurrence_items)


@router.get(
    "/{event_id}/",
    response=EventDetail,
    url_name="event",
    operation_id="events_detail",
    summary="Event",
)
def event_detail(request, event_id: int, locale: LanguageCode | None = LocaleQuery):
    """One live event, on its first date, with its dates still to come; in French where
    translated with `locale=fr`."""
    answer_in(locale)
    event = get_object_or_404(Event.objects.live().select_related("program"), pk=event_id)
    upcoming = until_one_ends(event.dates.upcoming())
    representation = event_representation(event, event.start, event.end, live_events_page())
    representation["upcoming"] = [dates_representation(date) for date in upcoming]
    return representation


def program_by_id_or_slug(value):
    programs = ProgramPage.objects.live()
    found = programs.filter(**{"pk" if value.isdigit() else "slug": value}).first()
    if found is None:
        raise HttpError(400, f"program: no published program has the id or slug {value!r}.")
    return found


def local_midnight(day):
    """The start of a Toronto day, aware; None for no day."""
    return day and timezone.make_aware(datetime.combine(day, time.min))
