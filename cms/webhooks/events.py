"""What is announced: the kinds of change, and `announce()`, which owes each subscriber that
wants the change a delivery, written with the change and sent once its transaction commits.

The shared app announces pages and the site settings; each app registers and announces its own
kinds of change (`register_events()` in its AppConfig.ready, then `announce()` from its signals).
"""

from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.api.utils import get_base_url
from wagtail.models import Site

from cms.webhooks.catalogue import EVENTS, TEST_EVENT, register_events
from cms.webhooks.delivery import send
from cms.webhooks.models import Subscriber

__all__ = [
    "TEST_EVENT",
    "absolute",
    "announce",
    "announce_saves_and_deletes",
    "api_url",
    "register_events",
    "send_test",
]


def announce(event, subject):
    """Owe every subscriber that wants `event` a notice of it, sent once the transaction commits.

    `subject` says what changed and where to read it: type, id, slug, locale (where there is
    one), html_url and api_url (absolute, or None when there is no such address).
    """
    if event not in EVENTS:
        raise ValueError(f"{event!r} is not a registered kind of change: see register_events().")
    payload = {"type": event, "timestamp": timezone.now().isoformat(), "data": subject}
    for subscriber in Subscriber.objects.filter(paused=False):
        if subscriber.wants(event):
            send(subscriber, event, payload)


def announce_saves_and_deletes(model, name, subject, deleted_subject=None):
    """Announce `<name>.changed` when a `model` row is saved (not loaded from a fixture) and
    `<name>.deleted` when one is deleted, with `subject(row)` (or `deleted_subject(row)`)."""
    deleted_subject = deleted_subject or subject

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            announce(f"{name}.changed", subject(instance))

    def deleted(sender, instance, **kwargs):
        announce(f"{name}.deleted", deleted_subject(instance))

    # Held strongly: these receivers live only in this call.
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"webhooks:{name}.changed")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"webhooks:{name}.deleted")


def absolute(path):
    """`path` on the API's base URL (WAGTAILAPI_BASE_URL), else on the default site."""
    if base := get_base_url():
        return base + path
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url + path if site else path


def api_url(name, **kwargs):
    """The absolute address of an API route by its name, e.g. api_url("event", event_id=3)."""
    try:
        return absolute(reverse(f"wagtailapi_v3:{name}", kwargs=kwargs))
    except NoReverseMatch:  # a host site without that route
        return None


def send_test(subscriber):
    """A test notice to one subscriber, at once (not waiting for a commit: nothing changed)."""
    payload = {
        "type": TEST_EVENT,
        "timestamp": timezone.now().isoformat(),
        "data": {"type": "test", "html_url": absolute("/"), "api_url": api_url("site_settings")},
    }
    return send(subscriber, TEST_EVENT, payload)
