from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """Workshops, groups and events."""

    name = "programs"

    def ready(self):
        from cms.caching import invalidated_by
        from programs.models import Closure, DateChange, Event

        invalidated_by(Event, DateChange, Closure)
