from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The directory of organisations and services."""

    name = "resources"
