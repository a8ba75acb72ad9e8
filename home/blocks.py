"""The home page's blocks: the shared ones plus what only the welcome page shows."""

from cms.blocks import BodyStreamBlock
from programs.blocks import UpcomingEventsBlock


class HomeStreamBlock(BodyStreamBlock):
    """Everything a content page offers, plus the next events from the calendar."""

    upcoming_events = UpcomingEventsBlock()
