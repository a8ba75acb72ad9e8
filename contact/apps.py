from django.apps import AppConfig


class ContactConfig(AppConfig):
    """Contact and inquiry forms, and the newsletter signup."""

    name = "contact"
    # As our migrations were made: the same whatever DEFAULT_AUTO_FIELD the host site has.
    default_auto_field = "django.db.models.BigAutoField"
    needs = ["wagtail.contrib.forms"]  # besides cms's (check cms.E001)

    def ready(self):
        from contact import checks  # noqa: F401 (registers the checks)
