from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and general content pages."""

    name = "home"
