"""The kinds of change a subscriber may choose: the shared app's, and those each app registers."""

from django.core.exceptions import ValidationError

TEST_EVENT = "webhook.test"
EVENTS = {TEST_EVENT: "A test notice, sent from the admin or `manage.py webhooks test`."}


def register_events(events):
    """Make kinds of change known: {"event.published": "An event was published.", ...}."""
    EVENTS.update(events)


def check_events(names):
    """Raise ValidationError naming any kind of change that is not known."""
    unknown = [name for name in names if name not in EVENTS]
    if unknown:
        raise ValidationError(
            f"Unknown kind of change: {', '.join(unknown)}. Known: {', '.join(sorted(EVENTS))}."
        )
