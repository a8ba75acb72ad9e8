"""Webhooks for the directory: a resource added, changed or deleted (read it at its API URL)."""

from functools import partial

from cms.webhooks.events import announce_saves_and_deletes, api_url, register_events
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


def connect():
    register_events(EVENTS)
    deleted_subject = partial(resource_subject, deleted=True)
    announce_saves_and_deletes(Resource, "resource", resource_subject, deleted_subject)
