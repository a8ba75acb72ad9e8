"""Blocks that show programs and events inside other pages."""

from wagtail import blocks

from programs.models import Event, EventIndexPage


class UpcomingEventsBlock(blocks.StructBlock):
    """The next few event dates, or a plain message when there are none."""

    heading = blocks.CharBlock(default="Upcoming Events", max_length=80)
    count = blocks.IntegerBlock(
        default=3, min_value=1, max_value=10, help_text="How many dates to show (1 to 10)."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["occurrences"] = Event.objects.live().upcoming_occurrences(limit=value["count"])
        context["events_page"] = EventIndexPage.objects.live().first()
        return context

    class Meta:
        icon = "date"
        template = "blocks/upcoming_events_block.html"
        label = "Upcoming events"
        description = "The next dates from the events calendar; updates by itself."
