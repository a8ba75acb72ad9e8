from programs.models.events import Event, EventDate
from programs.models.pages import EventIndexPage, ProgramIndexPage, ProgramPage, ProgramPageTag

__all__ = [
    "Event",
    "EventDate",
    "EventIndexPage",
    "ProgramIndexPage",
    "ProgramPage",
    "ProgramPageTag",
]
