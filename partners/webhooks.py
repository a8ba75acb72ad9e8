"""Webhooks for the partners section: a partner added, changed or deleted (the list is read at
/api/v3/partners/)."""

from django.db.models.signals import post_delete, post_save

from cms.webhooks.events import announce, api_url, register_events
from partners.models import Partner

EVENTS = {
    "partner.changed": "A partner was added or changed (shown, hidden, renamed, new logo…).",
    "partner.deleted": "A partner was deleted.",
}


def partner_subject(partner):
    return {
        "type": "partner",
        "id": partner.pk,
        "locale": partner.locale.language_code,
        "html_url": None,
        "api_url": api_url("partners"),
    }


def partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        announce("partner.changed", partner_subject(instance))


def partner_deleted(sender, instance, **kwargs):
    announce("partner.deleted", partner_subject(instance))


def connect():
    register_events(EVENTS)
    post_save.connect(partner_saved, sender=Partner, dispatch_uid="partners.webhooks:saved")
    post_delete.connect(partner_deleted, sender=Partner, dispatch_uid="partners.webhooks:deleted")
