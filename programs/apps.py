from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """Workshops, groups and events."""

    name = "programs"
