from programs.models.events import Event, Occurrence
from programs.models.pages import EventIndexPage, ProgramIndexPage, ProgramPage, ProgramPageTag

__all__ = [
    "Event",
    "EventIndexPage",
    "Occurrence",
    "ProgramIndexPage",
    "ProgramPage",
    "ProgramPageTag",
]
