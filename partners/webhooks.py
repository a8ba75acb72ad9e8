"""Webhooks for the partners section: a partner added, changed or deleted (the list is read at
/api/v3/partners/)."""

from cms.webhooks.events import announce_saves_and_deletes, api_url, register_events
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


def connect():
    register_events(EVENTS)
    announce_saves_and_deletes(Partner, "partner", partner_subject)
