from programs.models.changes import Closure, DateChange
from programs.models.events import Event, EventDate
from programs.models.pages import EventIndexPage, ProgramIndexPage, ProgramPage, ProgramPageTag

__all__ = [
    "Closure",
    "DateChange",
    "Event",
    "EventDate",
    "EventIndexPage",
    "ProgramIndexPage",
    "ProgramPage",
    "ProgramPageTag",
]
