"""Webhooks for the directory: a resource added, changed or deleted (read it at its API URL)."""

from django.db.models.signals import post_delete, post_save

from cms.webhooks.events import announce, api_url, register_events
from resources.models import Resource

EVENTS = {
    "resource.changed": "A resource in the directory was added or changed.",
    "resource.deleted": "A resource was deleted from the directory.",
}


def resource_subject(resource, deleted=False):
    return {
        "type": "resource",
        "id": resource.pk,
        "slug": resource.slug,
        "html_url": None,
        "api_url": None if deleted else api_url("resource", slug=resource.slug),
    }


def resource_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        announce("resource.changed", resource_subject(instance))


def resource_deleted(sender, instance, **kwargs):
    announce("resource.deleted", resource_subject(instance, deleted=True))


def connect():
    register_events(EVENTS)
    post_save.connect(resource_saved, sender=Resource, dispatch_uid="resources.webhooks:saved")
    post_delete.connect(
        resource_deleted, sender=Resource, dispatch_uid="resources.webhooks:deleted"
    )
