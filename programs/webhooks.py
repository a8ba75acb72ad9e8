"""Webhooks for what the calendar shows: events published, unpublished or deleted, one date's
change (cancelled, moved, added, or the change withdrawn) on a live event, and closure days.
Drafts announce nothing: an event's date changes are saved with it only when it is published."""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import published, unpublished

from cms.webhooks.events import announce, announce_saves_and_deletes, api_url, register_events
from programs.models import Closure, DateChange, Event
from programs.models.pages import EventIndexPage

EVENTS = {
    "event.published": "An event was published (first or again, with changes).",
    "event.unpublished": "An event was unpublished: it is no longer shown.",
    "event.deleted": "A published event was deleted.",
    "event.date_changed": "One date of a published event was cancelled, moved or added, or "
    "such a change was withdrawn.",
    "closure.changed": "A closure day (every meeting that day cancelled) was added or changed.",
    "closure.deleted": "A closure day was removed: the meetings that day take place.",
}
# What visitors see of a change to one date.
COMPARED = ["kind", "original_start", "new_start", "new_end", "note", "venue_name", "online_url"]
CHANGES = {"cancel": "cancelled", "move": "moved", "add": "added"}


def event_subject(event, **extra):
    calendar = EventIndexPage.objects.live().first()
    return {
        "type": "event",
        "id": event.pk,
        "slug": event.slug,
        "html_url": calendar.event_url(event) if calendar else None,
        "api_url": api_url("event", event_id=event.pk),
        **extra,
    }


def event_published(sender, instance, **kwargs):
    announce("event.published", event_subject(instance))


def event_unpublished(sender, instance, **kwargs):
    announce("event.unpublished", event_subject(instance))


def event_deleted(sender, instance, **kwargs):
    if instance.live:
        announce("event.deleted", {**event_subject(instance), "api_url": None})


def date_change_before(sender, instance, raw=False, **kwargs):
    old = (
        DateChange.objects.filter(pk=instance.pk).values(*COMPARED).first() if instance.pk else None
    )
    instance._before_save = old


def date_change_saved(sender, instance, raw=False, **kwargs):
    now = {field: getattr(instance, field) for field in COMPARED}
    if raw or not instance.event.live or getattr(instance, "_before_save", None) == now:
        return
    announce_date(instance, CHANGES[instance.kind])


def date_change_deleted(sender, instance, **kwargs):
    if instance.event.live:
        announce_date(instance, "withdrawn")


def announce_date(change, what):
    date = {
        "change": what,
        "original_start": change.original_start and change.original_start.isoformat(),
        "new_start": change.new_start and change.new_start.isoformat(),
        "new_end": change.new_end and change.new_end.isoformat(),
    }
    announce("event.date_changed", event_subject(change.event, date=date))


def closure_subject(closure):
    return {
        "type": "closure",
        "id": closure.pk,
        "date": closure.date.isoformat(),
        "html_url": None,
        "api_url": api_url("list_events"),
    }


def connect():
    register_events(EVENTS)
    for signal, receiver in (
        (published, event_published),
        (unpublished, event_unpublished),
        (post_delete, event_deleted),
    ):
        signal.connect(
            receiver, sender=Event, dispatch_uid=f"programs.webhooks:{receiver.__name__}"
        )
    for signal, receiver in (
        (pre_save, date_change_before),
        (post_save, date_change_saved),
        (post_delete, date_change_deleted),
    ):
        signal.connect(
            receiver, sender=DateChange, dispatch_uid=f"programs.webhooks:{receiver.__name__}"
        )
    announce_saves_and_deletes(Closure, "closure", closure_subject)
