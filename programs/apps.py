from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """Workshops, groups and events."""

    name = "programs"
    # As our migrations were made: the same whatever DEFAULT_AUTO_FIELD the host site has.
    default_auto_field = "django.db.models.BigAutoField"
    needs = ["wagtail.snippets"]  # besides cms's (check cms.E001)

    def ready(self):
        from cms.caching import invalidated_by
        from programs import webhooks
        from programs.models import Closure, DateChange, Event

        webhooks.connect()
        invalidated_by(Event, DateChange, Closure)
