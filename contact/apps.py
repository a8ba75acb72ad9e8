from django.apps import AppConfig


class ContactConfig(AppConfig):
    """Contact and inquiry forms, and the newsletter signup."""

    name = "contact"
