"""Blocks that show programs and events inside other pages."""

from django.db.models import prefetch_related_objects
from ninja import Schema
from wagtail import blocks

from programs.models import EventDate
from programs.models.events import programs_of_events, until_one_ends
from programs.models.pages import live_events_page
from programs.schemas import EventBase, occurrences_representation


def upcoming_dates(count):
    """The next `count` dates of live events, with their events (the page lists no programs)."""
    return until_one_ends(EventDate.objects.live().select_related("event").upcoming()[:count])


class UpcomingEvents(Schema):
    heading: str
    count: int
    events: list[EventBase]


class UpcomingEventsBlock(blocks.StructBlock):
    """The next few event dates, or a plain message when there are none."""

    heading = blocks.CharBlock(
        default="Upcoming Events", max_length=80, help_text="The heading above the dates."
    )
    count = blocks.IntegerBlock(
        default=3, min_value=1, max_value=10, help_text="How many dates to show (1 to 10)."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["occurrences"] = upcoming_dates(value["count"])
        context["events_page"] = live_events_page()
        return context

    def get_api_representation(self, value, context=None):
        dates = upcoming_dates(value["count"])
        prefetch_related_objects(dates, programs_of_events())
        events = occurrences_representation(dates, live_events_page())
        return {**super().get_api_representation(value, context), "events": events}

    api_schema = UpcomingEvents

    class Meta:
        icon = "date"
        template = "programs/blocks/upcoming_events_block.html"
        label = "Upcoming events"
        description = "The next dates from the events calendar; updates by itself."
