from django.apps import AppConfig


class ContactConfig(AppConfig):
    """Contact and inquiry forms, and the newsletter signup."""

    name = "contact"

    def ready(self):
        from contact import checks  # noqa: F401 (registers the checks)
